package io.perfweave.instrumentation.config;

import static io.perfweave.instrumentation.config.Checks.requireArgument;

import java.util.Optional;

/**
 * One call site chosen by type and method.
 *
 * @param name the label used in meters, events and reports
 * @param match which methods it instruments
 * @param idempotent whether calling twice is as safe as calling once; required for retry and cache
 * @param stackTrace whether each event carries the caller's stack; default true
 * @param resultHash whether a timed call's value is hashed for the event's {@code resultHash} (its
 *     own hashCode, keyed; a primitive boxed); default true
 * @param cache the site's cache, if any
 * @param retry the site's retry policy, if any
 */
public record SiteConfig(
    String name,
    MatchConfig match,
    boolean idempotent,
    boolean stackTrace,
    boolean resultHash,
    Optional<CacheConfig> cache,
    Optional<RetryConfig> retry) {

  public SiteConfig {
    requireArgument(!name.isBlank(), "name must not be blank");
  }
}
