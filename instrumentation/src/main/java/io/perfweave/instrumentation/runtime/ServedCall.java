package io.perfweave.instrumentation.runtime;

import io.perfweave.bridge.Served;
import io.perfweave.instrumentation.policy.Attempt;
import io.perfweave.instrumentation.policy.PolicyRun;

/** A woven call answered without running the method: a cache hit, or a coalesced call. */
final class ServedCall extends Served {

  final PolicyRun<CacheKey, Object> run;

  ServedCall(PolicyRun<CacheKey, Object> run) {
    Attempt served = run.served();
    this.run = run;
    this.replace = true;
    this.value = served.value();
    this.failure = served.failure();
  }
}
