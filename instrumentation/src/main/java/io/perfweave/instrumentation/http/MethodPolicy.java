package io.perfweave.instrumentation.http;

import io.perfweave.instrumentation.policy.Policy;

/**
 * What perfweave may do with one HTTP call, decided from its JSON-RPC methods.
 *
 * @param idempotent every method of the call is declared idempotent (and none is a known write)
 * @param policy the cache and retry of the call, or null where it is timed only
 */
record MethodPolicy(boolean idempotent, Policy<String, HttpAnswer> policy) {

  static final MethodPolicy NONE = new MethodPolicy(false, null);

  /** Whether the call is handled by the policy core (cached or retried) rather than timed only. */
  boolean acts() {
    return policy != null && policy.acts();
  }
}
