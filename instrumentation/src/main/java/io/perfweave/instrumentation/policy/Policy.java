package io.perfweave.instrumentation.policy;

import java.util.Set;

/**
 * What perfweave does around the calls of one site or JSON-RPC method: its cache (with
 * single-flight), its retry, and the HTTP statuses retried as transient failures.
 *
 * @param cache the cache, or null
 * @param shared the cache's shared level (Redis), or null
 * @param retry the retry policy, or null
 * @param retryStatuses the statuses (5xx, 429) retried besides the policy's exception types
 * @param clock the clock of cache ages and retry windows
 * @param notes where what is said once on stderr is remembered
 */
public record Policy<K, A>(
    PolicyCache<K, A> cache,
    SharedCache<K> shared,
    RetryPolicy retry,
    Set<Integer> retryStatuses,
    Clock clock,
    OnceNotes notes) {

  public Policy {
    retryStatuses = Set.copyOf(retryStatuses);
  }

  /** Whether calls are handled by the policy core rather than timed only. */
  public boolean acts() {
    return cache != null || retry != null;
  }
}
