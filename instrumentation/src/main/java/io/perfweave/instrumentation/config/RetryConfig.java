package io.perfweave.instrumentation.config;

import static io.perfweave.instrumentation.config.Checks.requireArgument;

import java.time.Duration;
import java.util.List;

/**
 * A site's retry policy.
 *
 * @param maxAttempts attempts in all, the first call included; default 3
 * @param backoff the wait before the second attempt; default 100ms
 * @param multiplier the factor each further wait grows by; default 2
 * @param maxBackoff the cap on one wait; default 2s
 * @param jitter how waits are randomised; default full
 * @param on exception types (and their subtypes) that are retried; default java.io.IOException
 *     and java.util.concurrent.TimeoutException
 * @param budget the most extra calls retries may add, as a share of calls over a sliding window;
 *     default 0.2
 * @param maxDuration the most the whole call, waits included, may take; zero = no limit
 * @param mode {@code on} retries; {@code shadow} only records what would have been retried
 */
public record RetryConfig(
    int maxAttempts,
    Duration backoff,
    double multiplier,
    Duration maxBackoff,
    Jitter jitter,
    List<String> on,
    double budget,
    Duration maxDuration,
    Mode mode) {

  public RetryConfig {
    requireArgument(maxAttempts >= 1, "maxAttempts must be at least 1, was %s", maxAttempts);
    requireArgument(!backoff.isNegative(), "backoff must not be negative, was %s", backoff);
    requireArgument(multiplier >= 1, "multiplier must be at least 1, was %s", multiplier);
    requireArgument(
        maxBackoff.compareTo(backoff) >= 0,
        "maxBackoff must be at least backoff (%s), was %s",
        backoff,
        maxBackoff);
    requireArgument(!on.isEmpty(), "on must name at least one exception type");
    requireArgument(budget >= 0 && budget <= 1, "budget must be within 0..1, was %s", budget);
    requireArgument(
        !maxDuration.isNegative(), "maxDuration must not be negative, was %s", maxDuration);
    on = List.copyOf(on);
  }
}
