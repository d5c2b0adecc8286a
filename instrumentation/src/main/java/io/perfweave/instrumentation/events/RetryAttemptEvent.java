package io.perfweave.instrumentation.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * {@code perfweave.RetryAttempt}: one failed attempt of a call with a retry policy, and what the
 * policy did about it. A call whose first attempt succeeds has none.
 */
@Name("perfweave.RetryAttempt")
@Label("Retry Attempt")
@Category({"perfweave", "RPC"})
@Description("A failed attempt of a call with a retry policy and the decision taken")
@StackTrace(false)
public final class RetryAttemptEvent extends Event {

  /** The attempt will be followed by another after {@code backoff}. */
  public static final String RETRY = "RETRY";

  /** Shadow mode: the policy would have retried; nothing was. */
  public static final String SHADOW_WOULD_RETRY = "SHADOW_WOULD_RETRY";

  /** The error is not among the retryable types. */
  public static final String NOT_RETRYABLE = "NOT_RETRYABLE";

  /** maxAttempts was reached. */
  public static final String MAX_ATTEMPTS = "MAX_ATTEMPTS";

  /** The retry budget was spent. */
  public static final String BUDGET_EXHAUSTED = "BUDGET_EXHAUSTED";

  /** Waiting would have passed maxDuration. */
  public static final String MAX_DURATION = "MAX_DURATION";

  /** The server asked (Retry-After) for a longer wait than maxBackoff allows; not retried. */
  public static final String RETRY_AFTER_TOO_LONG = "RETRY_AFTER_TOO_LONG";

  /** The thread was interrupted. */
  public static final String INTERRUPTED = "INTERRUPTED";

  @Label("Site")
  public String site;

  @Label("Attempt")
  @Description("1 for the first call")
  public int attempt;

  @Label("Attempt Duration")
  @Timespan(Timespan.NANOSECONDS)
  public long attemptDuration;

  @Label("Backoff")
  @Description("The wait before the next attempt; 0 where none follows")
  @Timespan(Timespan.NANOSECONDS)
  public long backoff;

  @Label("Error")
  public String error;

  @Label("Decision")
  public String decision;
}
