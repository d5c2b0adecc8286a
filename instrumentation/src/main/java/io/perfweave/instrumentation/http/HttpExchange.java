package io.perfweave.instrumentation.http;

import io.perfweave.bridge.Bridge;
import io.perfweave.contract.Outcome;
import io.perfweave.contract.RetryDecision;
import io.perfweave.instrumentation.runtime.CallDepth;
import io.perfweave.instrumentation.runtime.Clock;
import io.perfweave.instrumentation.runtime.RetryAttempts;
import io.perfweave.instrumentation.runtime.RetryPolicy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A blocking HTTP call with a policy: answered from the cache, joined to the same call in flight,
 * or sent here, retried as its policy allows, and its response cached.
 */
final class HttpExchange {

  private final Clock clock;
  private final OnceNotes notes;

  HttpExchange(Clock clock, OnceNotes notes) {
    this.clock = clock;
    this.notes = notes;
  }

  HttpServed run(HttpCall call) {
    CallDepth.enter();
    CompletableFuture<HttpCache.Entry> flight = null;
    HttpCache.Entry stored = null;
    try {
      if (call.policy.retry() != null) {
        call.policy.retry().recordCall();
      }
      if (call.caches()) {
        HttpCache cache = call.policy.cache();
        HttpCache.Entry entry = cache.get(call.rpc.key());
        HttpServed hit = entry == null || cache.shadow() ? null : served(call, entry, Outcome.CACHE_HIT);
        if (hit != null) {
          return hit;
        }
        if (cache.shadow()) {
          call.shadowAgeNanos = entry == null ? -1 : cache.now() - entry.writtenNanos();
        } else {
          CompletableFuture<HttpCache.Entry> mine = new CompletableFuture<>();
          CompletableFuture<HttpCache.Entry> leader = cache.joinOrLead(call.rpc.key(), mine);
          HttpServed coalesced = leader == null ? null : served(call, await(leader), Outcome.COALESCED);
          if (coalesced != null) {
            return coalesced;
          }
          flight = leader == null ? mine : null;
        }
      }
      Attempt attempt = sendWithRetries(call);
      stored = settle(call, attempt);
      return new HttpServed(attempt.response(), attempt.failure());
    } finally {
      CallDepth.exit();
      if (flight != null) {
        call.policy.cache().release(call.rpc.key(), flight, stored);
      }
    }
  }

  /**
   * After the last attempt: caches the response where allowed and ends the event. Never throws,
   * because the call has been sent and the caller must get its response.
   */
  HttpCache.Entry settle(HttpCall call, Attempt attempt) {
    HttpCache.Entry stored = null;
    try {
      stored = store(call, attempt);
      String outcome = attempt.outcome();
      if (!attempt.failed() && call.shadowAgeNanos >= 0) {
        outcome = Outcome.SHADOW_HIT;
      }
      call.finish(outcome, attempt.status(), attempt.error(), Math.max(0, call.shadowAgeNanos));
    } catch (Throwable bug) {
      Bridge.adviceError(bug);
    }
    return stored;
  }

  /** A response from {@code entry} for this caller, or null when it cannot be made (sent instead). */
  HttpServed served(HttpCall call, HttpCache.Entry entry, String outcome) {
    if (entry == null) {
      return null;
    }
    try {
      byte[] body = JsonRpcResponses.withIds(entry.body(), entry.ids(), call.rpc.ids());
      Object response = call.adapter.replay(entry.prototype(), body, call.receiver, call.arguments);
      long age = outcome.equals(Outcome.CACHE_HIT) ? call.policy.cache().now() - entry.writtenNanos() : 0;
      call.finish(outcome, call.adapter.status(response), null, age);
      return new HttpServed(response, null);
    } catch (Throwable e) {
      notes.say("replay " + call.adapter.getClass().getName(),
          "warning: could not serve a cached response (" + e + "); calls are sent instead");
      return null;
    }
  }

  private Attempt sendWithRetries(HttpCall call) {
    while (true) {
      Attempt attempt = sendOnce(call);
      if (!attempt.failed() || call.policy.retry() == null) {
        return attempt;
      }
      RetryPolicy.Decision decision = Retries.after(call, attempt);
      String outcome = decision.outcome();
      if (decision.retry() && !RetryAttempts.sleep(decision.backoffNanos())) {
        outcome = RetryDecision.INTERRUPTED;
      }
      RetryAttempts.record(
          call.site.name(), call.attempts, clock.nanos() - call.attemptStartNanos, attempt.error(),
          outcome, decision.backoffNanos());
      if (!outcome.equals(RetryDecision.RETRY)) {
        return attempt;
      }
      call.adapter.discard(attempt.response());
      nextAttempt(call);
    }
  }

  void nextAttempt(HttpCall call) {
    call.attempts++;
    call.attemptStartNanos = clock.nanos();
    call.site.meters().retried();
  }

  private static Attempt sendOnce(HttpCall call) {
    try {
      Object response =
          PassThrough.run(() -> call.adapter.send(call.receiver, call.arguments, call.attempts));
      return Attempt.of(call.adapter, response, null);
    } catch (Throwable failure) {
      return Attempt.of(call.adapter, null, failure);
    }
  }

  private HttpCache.Entry store(HttpCall call, Attempt attempt) throws Throwable {
    if (!call.caches() || attempt.failed() || attempt.status() != 200) {
      return null;
    }
    byte[] body = call.adapter.bufferedBody(attempt.response());
    if (body == null) {
      notes.say("streamed " + call.site.name(),
          "note: " + call.site.name() + " streams its response bodies to the caller; its calls"
              + " are timed and retried, not cached");
      return null;
    }
    if (!JsonRpcResponses.allResults(body, call.rpc.elements().size())) {
      return null;
    }
    HttpCache.Entry entry = new HttpCache.Entry(attempt.response(), body, call.rpc.ids(), clock.nanos());
    call.policy.cache().put(call.rpc.key(), entry);
    return entry;
  }

  private static HttpCache.Entry await(CompletableFuture<HttpCache.Entry> leader) {
    try {
      return leader.get();
    } catch (ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      // an interrupted waiter sends its own call, and the client sees the interrupt
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
