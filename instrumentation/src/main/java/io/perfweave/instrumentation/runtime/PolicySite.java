package io.perfweave.instrumentation.runtime;

import io.perfweave.contract.Outcome;
import io.perfweave.contract.RetryDecision;
import io.perfweave.instrumentation.events.RpcCall;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The cache, single-flight and retry of one site, around the calls its advice hands over. Only
 * the outermost policy call on a thread applies them; nested ones are timed only.
 */
final class PolicySite {

  private final SiteRuntime site;
  private final SiteCache cache;
  private final RetryPolicy retry;
  private final Clock clock;

  /** @param cache the site's cache, or null; @param retry its retry policy, or null */
  PolicySite(SiteRuntime site, SiteCache cache, RetryPolicy retry, Clock clock) {
    this.site = site;
    this.cache = cache;
    this.retry = retry;
    this.clock = clock;
  }

  Object enter(Object receiver, Object[] arguments) {
    RpcCall event = site.begin();
    long now = clock.at(event.startNanos);
    if (!CallDepth.enter()) {
      return new PolicyCall(event, false, now);
    }
    try {
      if (retry != null) {
        retry.recordCall();
      }
      if (cache == null) {
        // idempotent sites record their key's hash, so the analyzer can see repeated reads
        PolicyCall call = new PolicyCall(event, true, now);
        call.key = KeyShape.ALL_ARGUMENTS.build(receiver, arguments, reason -> {});
        return call;
      }
      CacheKey key = cache.key(receiver, arguments);
      return key == null ? new PolicyCall(event, true, now) : lookUp(event, key, now);
    } catch (RuntimeException | Error e) {
      // an argument's own hashCode may throw: leave the depth as it was, let the bridge count it
      CallDepth.exit();
      throw e;
    }
  }

  boolean exit(Object scope, Object returned, Throwable thrown, String target) {
    if (scope instanceof ServedCall) {
      ServedCall served = (ServedCall) scope;
      CallDepth.exit();
      site.finish(
          served.event, target, served.outcome, SiteRuntime.errorName(served.failure), 1,
          served.keyHash, served.ageNanos);
      return false;
    }
    if (!(scope instanceof PolicyCall)) {
      return false;
    }
    PolicyCall call = (PolicyCall) scope;
    boolean again = false;
    try {
      again = thrown != null && call.owner && retry != null && retryAgain(call, thrown);
      if (!again) {
        finish(call, returned, thrown, target);
      }
    } finally {
      if (!again) {
        // whatever failed above, waiters are released and the depth restored
        CallDepth.exit();
        if (call.flight != null) {
          cache.complete(call.key, call.flight, returned, thrown);
        }
      }
    }
    return again;
  }

  long cacheSize() {
    return cache == null ? 0 : cache.size();
  }

  private Object lookUp(RpcCall event, CacheKey key, long now) {
    SiteCache.Entry entry = cache.get(key);
    if (entry != null && !cache.shadow()) {
      return new ServedCall(
          event, Outcome.CACHE_HIT, key, cache.serve(entry), null, now - entry.writtenNanos());
    }
    PolicyCall call = new PolicyCall(event, true, now);
    call.key = key;
    if (cache.shadow()) {
      call.shadowAge = entry == null ? -1 : now - entry.writtenNanos();
      return call;
    }
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> leader = cache.joinOrLead(call.key, mine);
    if (leader == null) {
      call.flight = mine;
      return call;
    }
    return awaitLeader(call, leader);
  }

  private Object awaitLeader(PolicyCall call, CompletableFuture<Object> leader) {
    try {
      Object value = leader.get();
      return new ServedCall(
          call.event, Outcome.COALESCED, call.key, cache.serve(new SiteCache.Entry(value, 0)), null, 0);
    } catch (ExecutionException e) {
      return new ServedCall(call.event, Outcome.COALESCED, call.key, null, e.getCause(), 0);
    } catch (InterruptedException e) {
      // an interrupted waiter runs the call itself, and the method sees the interrupt
      Thread.currentThread().interrupt();
      return call;
    }
  }

  private boolean retryAgain(PolicyCall call, Throwable thrown) {
    RetryPolicy.Decision decision = retry.decide(call.attempts, thrown, call.startNanos);
    String outcome = decision.outcome();
    if (decision.retry() && !RetryAttempts.sleep(decision.backoffNanos())) {
      outcome = RetryDecision.INTERRUPTED;
    }
    RetryAttempts.record(
        site.name(), call.attempts, clock.nanos() - call.attemptStartNanos,
        SiteRuntime.errorName(thrown), outcome, decision.backoffNanos());
    if (!outcome.equals(RetryDecision.RETRY)) {
      return false;
    }
    call.attempts++;
    call.attemptStartNanos = clock.nanos();
    site.meters().retried();
    return true;
  }

  private void finish(PolicyCall call, Object returned, Throwable thrown, String target) {
    String outcome;
    if (thrown != null) {
      outcome = Outcome.ERROR;
    } else if (call.shadowAge >= 0) {
      outcome = Outcome.SHADOW_HIT;
    } else {
      outcome = Outcome.SUCCESS;
      if (call.key != null && cache != null && cache.shadow()) {
        cache.storeShadow(call.key);
      }
    }
    site.finish(
        call.event, target, outcome, SiteRuntime.errorName(thrown), call.attempts, call.keyHash(),
        Math.max(0, call.shadowAge));
  }
}
