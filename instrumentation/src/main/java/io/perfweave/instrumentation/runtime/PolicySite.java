package io.perfweave.instrumentation.runtime;

import io.perfweave.instrumentation.events.RpcCall;
import io.perfweave.instrumentation.policy.Attempt;
import io.perfweave.instrumentation.policy.CallDepth;
import io.perfweave.instrumentation.policy.Clock;
import io.perfweave.instrumentation.policy.OnceNotes;
import io.perfweave.instrumentation.policy.Policy;
import io.perfweave.instrumentation.policy.PolicyRun;

/**
 * Drives the policy core from a woven site's advice: the enter advice begins the call (and may
 * answer it without running the method), each exit hands the core the attempt the method made
 * (and may run it again: a retry). Only the outermost policy call on a thread applies the policy;
 * nested ones are timed only.
 */
final class PolicySite {

  /** A call inside another policy call: timed only. */
  private record NestedCall(RpcCall event) {}

  private final SiteRuntime site;
  private final Policy<CacheKey, Object> policy;
  private final SiteExchange exchange;
  private final Clock clock;
  private final OnceNotes notes;

  PolicySite(SiteRuntime site, Policy<CacheKey, Object> policy, SiteExchange exchange, Clock clock,
      OnceNotes notes) {
    this.site = site;
    this.policy = policy;
    this.exchange = exchange;
    this.clock = clock;
    this.notes = notes;
  }

  Object enter(Object receiver, Object[] arguments) {
    RpcCall event = site.begin();
    if (!CallDepth.enter()) {
      return new NestedCall(event);
    }
    try {
      CacheKey key = exchange.key(receiver, arguments);
      PolicyRun<CacheKey, Object> run =
          new PolicyRun<>(policy, exchange, site, event, key, key == null ? 0 : key.hash64(), null,
              clock.at(event.startNanos), notes);
      PolicyRun.Step step = run.begin();
      if (step == PolicyRun.Step.WAIT) {
        step = run.awaitLeader();
      }
      return step == PolicyRun.Step.SERVED ? new ServedCall(run) : run;
    } catch (RuntimeException | Error e) {
      // an argument's own hashCode may throw: leave the depth as it was, let the bridge count it
      CallDepth.exit();
      throw e;
    }
  }

  @SuppressWarnings("unchecked")
  boolean exit(Object scope, Object returned, Throwable thrown, String target) {
    if (scope instanceof ServedCall) {
      CallDepth.exit();
      PolicyRun<CacheKey, Object> run = ((ServedCall) scope).run;
      run.target(target);
      run.endServed();
      return false;
    }
    if (scope instanceof NestedCall) {
      CallDepth.exit();
      site.end(((NestedCall) scope).event(), thrown, target);
      return false;
    }
    if (!(scope instanceof PolicyRun)) {
      return false;
    }
    PolicyRun<CacheKey, Object> run = (PolicyRun<CacheKey, Object>) scope;
    Attempt attempt = Attempt.of(returned, thrown);
    boolean again = false;
    try {
      again = run.retryBlocking(attempt);
    } finally {
      if (!again) {
        // whatever failed above, the call is settled, its waiters released, the depth restored
        run.target(target);
        run.settle(attempt);
        CallDepth.exit();
      }
    }
    return again;
  }

  long cacheSize() {
    return policy.cache() == null ? 0 : policy.cache().size();
  }
}
