package io.perfweave.instrumentation.runtime;

import io.perfweave.instrumentation.config.Mode;
import io.perfweave.instrumentation.config.RetryConfig;
import io.perfweave.instrumentation.events.RetryAttemptEvent;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides, after a failed attempt, whether to try again and after how long: only for the listed
 * exception types, within maxAttempts, maxDuration and the budget, never for an interrupted
 * thread.
 */
final class RetryPolicy {

  /** What to do after a failed attempt. */
  record Decision(String outcome, long backoffNanos) {
    boolean retry() {
      return outcome.equals(RetryAttemptEvent.RETRY);
    }
  }

  private final RetryConfig config;
  private final RetryBudget budget;
  private final Clock clock;
  private final Set<String> retryableTypes;
  private final ClassValue<Boolean> retryable =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (retryableTypes.contains(c.getName())) {
              return true;
            }
          }
          return false;
        }
      };

  RetryPolicy(RetryConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.budget = new RetryBudget(config.budget(), clock);
    this.retryableTypes = Set.copyOf(config.on());
  }

  boolean shadow() {
    return config.mode() == Mode.SHADOW;
  }

  void recordCall() {
    budget.recordCall();
  }

  Decision decide(int attempt, Throwable thrown, long callStartNanos) {
    if (!retryable.get(thrown.getClass()) || thrown instanceof InterruptedException) {
      return new Decision(RetryAttemptEvent.NOT_RETRYABLE, 0);
    }
    if (Thread.currentThread().isInterrupted()) {
      return new Decision(RetryAttemptEvent.INTERRUPTED, 0);
    }
    if (attempt >= config.maxAttempts()) {
      return new Decision(RetryAttemptEvent.MAX_ATTEMPTS, 0);
    }
    long backoff = backoffNanos(attempt);
    long limit = config.maxDuration().toNanos();
    if (limit > 0 && clock.nanos() - callStartNanos + backoff > limit) {
      return new Decision(RetryAttemptEvent.MAX_DURATION, 0);
    }
    if (!budget.tryRetry()) {
      return new Decision(RetryAttemptEvent.BUDGET_EXHAUSTED, 0);
    }
    return new Decision(shadow() ? RetryAttemptEvent.SHADOW_WOULD_RETRY : RetryAttemptEvent.RETRY, backoff);
  }

  /** The wait after attempt {@code attempt} (1-based): exponential, capped, then jittered. */
  long backoffNanos(int attempt) {
    double grown = config.backoff().toNanos() * Math.pow(config.multiplier(), attempt - 1);
    long capped = (long) Math.min(grown, config.maxBackoff().toNanos());
    switch (config.jitter()) {
      case FULL:
        return ThreadLocalRandom.current().nextLong(capped + 1);
      case EQUAL:
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
      default:
        return capped;
    }
  }
}
