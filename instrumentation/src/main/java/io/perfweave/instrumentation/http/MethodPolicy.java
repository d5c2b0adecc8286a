package io.perfweave.instrumentation.http;

import io.perfweave.instrumentation.runtime.RetryPolicy;
import java.util.List;
import java.util.Set;

/**
 * What perfweave may do with one HTTP call, decided from its JSON-RPC methods.
 *
 * @param idempotent every method of the call is declared idempotent
 * @param cache where the call's response may be cached, or null
 * @param retry how the call is retried, or null
 * @param retryStatuses the statuses retried as transient failures
 */
record MethodPolicy(boolean idempotent, HttpCache cache, RetryPolicy retry, Set<Integer> retryStatuses) {

  static final MethodPolicy NONE = new MethodPolicy(false, null, null, Set.of());

  /** Whether the call is handled here (cached or retried) rather than timed only. */
  boolean acts() {
    return cache != null || retry != null;
  }

  static Set<Integer> statuses(List<Integer> statuses) {
    return Set.copyOf(statuses);
  }
}
