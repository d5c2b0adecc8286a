package io.perfweave.instrumentation.runtime;

import io.perfweave.bridge.Served;
import io.perfweave.instrumentation.events.RpcCall;

/** A call answered without running the method: a cache hit, or one coalesced with a leader. */
final class ServedCall extends Served {

  final RpcCall event;
  final String outcome;
  final long keyHash;
  final long ageNanos;

  ServedCall(RpcCall event, String outcome, CacheKey key, Object value, Throwable failure, long ageNanos) {
    this.event = event;
    this.outcome = outcome;
    this.keyHash = key.hash64();
    this.ageNanos = ageNanos;
    this.replace = true;
    this.value = value;
    this.failure = failure;
  }
}
