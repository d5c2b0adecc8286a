package io.perfweave.instrumentation.runtime;

import io.perfweave.bridge.ThreadState;
import io.perfweave.instrumentation.policy.Attempt;
import io.perfweave.instrumentation.policy.Policy;
import io.perfweave.instrumentation.policy.PolicyRun;
import io.perfweave.instrumentation.policy.PolicyThread;

/**
 * Drives the policy core from a woven site's advice: the enter advice begins the call (and may
 * answer it without running the method), each exit hands the core the attempt the method made
 * (and may run it again: a retry). Only the outermost policy call on a thread applies the policy;
 * nested ones are timed only.
 */
final class PolicySite {

  /** A call inside another policy call: timed only. */
  private record NestedCall(long startNanos, PolicyThread thread) {}

  /** A call the method runs (sends), perhaps again: not a {@code Served}, so not skipped. */
  private record Sending(PolicyRun<CacheKey, Attempt> run, PolicyThread thread) {}

  private final SiteRuntime site;
  private final Policy<CacheKey, Attempt> policy;
  private final SiteExchange exchange;

  PolicySite(SiteRuntime site, Policy<CacheKey, Attempt> policy, SiteExchange exchange) {
    this.site = site;
    this.policy = policy;
    this.exchange = exchange;
  }

  Object enter(Class<?> type, String method, Object receiver, Object[] arguments, ThreadState caller) {
    long startNanos = System.nanoTime();
    PolicyThread thread = PolicyThread.enter(caller);
    if (!thread.outermost()) {
      return new NestedCall(startNanos, thread);
    }
    try {
      CacheKey key = exchange.key(type, method, receiver, arguments);
      PolicyRun<CacheKey, Attempt> run =
          new PolicyRun<>(policy, exchange, site, startNanos, key, key == null ? 0 : key.hash64(), null);
      PolicyRun.Step step = thread.begin(run);
      if (step == PolicyRun.Step.WAIT) {
        step = run.awaitLeader();
      }
      if (step == PolicyRun.Step.SERVED) {
        // the method is skipped: nothing runs inside this call. The run is the Served scope
        thread.leave();
        return run;
      }
      return new Sending(run, thread);
    } catch (RuntimeException | Error e) {
      // an argument's own hashCode may throw: leave the depth as it was, let the bridge count it
      thread.leave();
      throw e;
    }
  }

  @SuppressWarnings("unchecked")
  boolean exit(Object scope, Object returned, Throwable thrown, String target) {
    if (scope instanceof PolicyRun) {
      PolicyRun<CacheKey, Attempt> run = (PolicyRun<CacheKey, Attempt>) scope;
      run.target(target);
      run.endServed();
      return false;
    }
    if (scope instanceof NestedCall) {
      NestedCall nested = (NestedCall) scope;
      nested.thread().leave();
      site.end(nested.startNanos(), null, thrown, target);
      return false;
    }
    if (!(scope instanceof Sending)) {
      return false;
    }
    Sending sending = (Sending) scope;
    PolicyRun<CacheKey, Attempt> run = sending.run();
    // without a cache nobody keeps the value: a success needs no attempt of its own
    Attempt attempt =
        thrown == null && policy.cache() == null ? Attempt.SUCCEEDED : Attempt.of(returned, thrown);
    boolean again = false;
    try {
      again = run.retryBlocking(attempt);
    } finally {
      if (!again) {
        // whatever failed above, the call is settled, its waiters released, the depth restored
        run.target(target);
        run.settle(attempt);
        sending.thread().leave();
      }
    }
    return again;
  }

  long cacheSize() {
    return policy.cache() == null ? 0 : policy.cache().size();
  }
}
