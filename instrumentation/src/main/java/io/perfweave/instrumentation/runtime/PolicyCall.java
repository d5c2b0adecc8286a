package io.perfweave.instrumentation.runtime;

import io.perfweave.bridge.PolicyScope;
import io.perfweave.instrumentation.events.RpcCall;
import java.util.concurrent.CompletableFuture;

/** A policy call that runs the method: its event, key, attempts, and the flight it leads. */
final class PolicyCall extends PolicyScope {

  final RpcCall event;
  final boolean owner;
  final long startNanos;
  CacheKey key;
  CompletableFuture<Object> flight;
  long shadowAge = -1;
  int attempts = 1;
  long attemptStartNanos;

  PolicyCall(RpcCall event, boolean owner, long startNanos) {
    this.event = event;
    this.owner = owner;
    this.startNanos = startNanos;
    this.attemptStartNanos = startNanos;
  }

  long keyHash() {
    return key == null ? 0 : key.hash64();
  }
}
