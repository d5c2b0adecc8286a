package io.perfweave.instrumentation.http;

import io.perfweave.contract.Outcome;
import io.perfweave.contract.RetryDecision;
import io.perfweave.instrumentation.runtime.Clock;
import io.perfweave.instrumentation.runtime.RetryAttempts;
import io.perfweave.instrumentation.runtime.RetryPolicy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An asynchronous HTTP call ({@code HttpClient.sendAsync}) with a policy: the same cache and
 * single-flight as a blocking call, and retries that wait on a timer instead of a thread. The
 * caller's future completes with the last attempt's response or failure.
 */
final class AsyncExchange {

  private final HttpExchange exchange;
  private final JdkHttpClientAdapter jdk;
  private final Clock clock;

  AsyncExchange(HttpExchange exchange, JdkHttpClientAdapter jdk, Clock clock) {
    this.exchange = exchange;
    this.jdk = jdk;
    this.clock = clock;
  }

  HttpServed start(HttpCall call) {
    if (call.policy.retry() != null) {
      call.policy.retry().recordCall();
    }
    CompletableFuture<HttpCache.Entry> flight = null;
    if (call.caches()) {
      HttpCache cache = call.policy.cache();
      HttpCache.Entry entry = cache.get(call.rpc.key());
      HttpServed hit = entry == null || cache.shadow() ? null : exchange.served(call, entry, Outcome.CACHE_HIT);
      if (hit != null) {
        return new HttpServed(CompletableFuture.completedFuture(hit.value), null);
      }
      if (cache.shadow()) {
        call.shadowAgeNanos = entry == null ? -1 : cache.now() - entry.writtenNanos();
      } else {
        CompletableFuture<HttpCache.Entry> mine = new CompletableFuture<>();
        CompletableFuture<HttpCache.Entry> leader = cache.joinOrLead(call.rpc.key(), mine);
        if (leader != null) {
          return new HttpServed(leader.thenCompose(led -> afterLeader(call, led)), null);
        }
        flight = mine;
      }
    }
    return new HttpServed(sendAndSettle(call, flight), null);
  }

  private CompletableFuture<Object> afterLeader(HttpCall call, HttpCache.Entry led) {
    HttpServed served = exchange.served(call, led, Outcome.COALESCED);
    return served != null ? CompletableFuture.completedFuture(served.value) : sendAndSettle(call, null);
  }

  private CompletableFuture<Object> sendAndSettle(HttpCall call, CompletableFuture<HttpCache.Entry> flight) {
    CompletableFuture<Object> result = new CompletableFuture<>();
    attempt(call).whenComplete(
        (attempt, bug) -> {
          Attempt last = attempt != null ? attempt : new Attempt(null, 0, Attempt.cause(bug));
          HttpCache.Entry stored = exchange.settle(call, last);
          if (flight != null) {
            call.policy.cache().release(call.rpc.key(), flight, stored);
          }
          if (last.failure() != null) {
            result.completeExceptionally(last.failure());
          } else {
            result.complete(last.response());
          }
        });
    return result;
  }

  private CompletableFuture<Attempt> attempt(HttpCall call) {
    CompletableFuture<Object> sent;
    try {
      sent = PassThrough.run(() -> jdk.sendAsync(call.receiver, call.arguments));
    } catch (Throwable failure) {
      sent = CompletableFuture.failedFuture(failure);
    }
    return sent
        .handle((response, failure) -> Attempt.of(call.adapter, response, Attempt.cause(failure)))
        .thenCompose(attempt -> retryOrKeep(call, attempt));
  }

  private CompletableFuture<Attempt> retryOrKeep(HttpCall call, Attempt attempt) {
    if (!attempt.failed() || call.policy.retry() == null) {
      return CompletableFuture.completedFuture(attempt);
    }
    RetryPolicy.Decision decision = Retries.after(call, attempt);
    RetryAttempts.record(
        call.site.name(), call.attempts, clock.nanos() - call.attemptStartNanos, attempt.error(),
        decision.outcome(), decision.backoffNanos());
    if (!decision.outcome().equals(RetryDecision.RETRY)) {
      return CompletableFuture.completedFuture(attempt);
    }
    return CompletableFuture.supplyAsync(
            () -> call, CompletableFuture.delayedExecutor(decision.backoffNanos(), TimeUnit.NANOSECONDS))
        .thenCompose(
            again -> {
              exchange.nextAttempt(again);
              return attempt(again);
            });
  }
}
