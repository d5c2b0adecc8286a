package io.perfweave.contract;

import java.util.List;

/** The values of {@link RetryAttemptField#DECISION}: what the retry policy did after a failure. */
public final class RetryDecision {

  /** Another attempt follows after the backoff. */
  public static final String RETRY = "RETRY";

  /** Shadow mode: the policy would have retried; nothing was. */
  public static final String SHADOW_WOULD_RETRY = "SHADOW_WOULD_RETRY";

  /** The failure is not among the retryable ones. */
  public static final String NOT_RETRYABLE = "NOT_RETRYABLE";

  /** {@code maxAttempts} was reached. */
  public static final String MAX_ATTEMPTS = "MAX_ATTEMPTS";

  /** The retry budget was spent. */
  public static final String BUDGET_EXHAUSTED = "BUDGET_EXHAUSTED";

  /** Waiting would have passed {@code maxDuration}. */
  public static final String MAX_DURATION = "MAX_DURATION";

  /** The server asked (Retry-After) for a longer wait than {@code maxBackoff}; not retried. */
  public static final String RETRY_AFTER_TOO_LONG = "RETRY_AFTER_TOO_LONG";

  /** The thread was interrupted. */
  public static final String INTERRUPTED = "INTERRUPTED";

  /** Every decision, in the order README's recording contract lists them. */
  public static final List<String> ALL =
      List.of(RETRY, SHADOW_WOULD_RETRY, NOT_RETRYABLE, MAX_ATTEMPTS, BUDGET_EXHAUSTED, MAX_DURATION,
          RETRY_AFTER_TOO_LONG, INTERRUPTED);

  private RetryDecision() {}
}
