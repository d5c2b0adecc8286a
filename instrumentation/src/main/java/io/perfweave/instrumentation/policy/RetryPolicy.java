package io.perfweave.instrumentation.policy;

import io.perfweave.contract.RetryDecision;
import io.perfweave.instrumentation.config.Mode;
import io.perfweave.instrumentation.config.RetryConfig;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides, after a failed attempt, whether to try again and after how long: only for the listed
 * exception types, within maxAttempts, maxDuration and the budget, never for an interrupted
 * thread.
 */
public final class RetryPolicy {

  /** What to do after a failed attempt. */
  public record Decision(String outcome, long backoffNanos) {
    public boolean retry() {
      return outcome.equals(RetryDecision.RETRY);
    }
  }

  /** The decision for a failure that no rule makes retryable. */
  public static final Decision NOT_RETRYABLE = new Decision(RetryDecision.NOT_RETRYABLE, 0);

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

  public RetryPolicy(RetryConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.budget = new RetryBudget(config.budget(), clock);
    this.retryableTypes = Set.copyOf(config.on());
  }

  boolean shadow() {
    return config.mode() == Mode.SHADOW;
  }

  public void recordCall() {
    budget.recordCall();
  }

  /** After attempt {@code attempt} threw {@code thrown}. */
  public Decision decide(int attempt, Throwable thrown, long callStartNanos) {
    if (!retryable.get(thrown.getClass()) || thrown instanceof InterruptedException) {
      return NOT_RETRYABLE;
    }
    return decideTransient(attempt, callStartNanos, 0);
  }

  /**
   * After attempt {@code attempt} failed in a way known to be transient (an HTTP 503, say); the
   * wait is at least {@code minBackoffNanos} (a server's Retry-After), and a server that asks for
   * more than maxBackoff is not retried.
   */
  public Decision decideTransient(int attempt, long callStartNanos, long minBackoffNanos) {
    if (minBackoffNanos > config.maxBackoff().toNanos()) {
      return new Decision(RetryDecision.RETRY_AFTER_TOO_LONG, minBackoffNanos);
    }
    if (Thread.currentThread().isInterrupted()) {
      return new Decision(RetryDecision.INTERRUPTED, 0);
    }
    if (attempt >= config.maxAttempts()) {
      return new Decision(RetryDecision.MAX_ATTEMPTS, 0);
    }
    long backoff = Math.max(backoffNanos(attempt), minBackoffNanos);
    long limit = config.maxDuration().toNanos();
    if (limit > 0 && clock.nanos() - callStartNanos + backoff > limit) {
      return new Decision(RetryDecision.MAX_DURATION, 0);
    }
    if (!budget.tryRetry()) {
      return new Decision(RetryDecision.BUDGET_EXHAUSTED, 0);
    }
    return new Decision(shadow() ? RetryDecision.SHADOW_WOULD_RETRY : RetryDecision.RETRY, backoff);
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
