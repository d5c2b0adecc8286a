package io.perfweave.instrumentation.events;

import io.perfweave.contract.Events;
import io.perfweave.contract.RetryAttemptField;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Registered;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * {@code perfweave.RetryAttempt}: one failed attempt of a call with a retry policy, and what the
 * policy did about it. A call whose first attempt succeeds has none.
 */
@Name(Events.RETRY_ATTEMPT)
@Label("Retry Attempt")
@Category({"perfweave", "RPC"})
@Description("A failed attempt of a call with a retry policy and the decision taken")
@Registered(false)
@StackTrace(false)
public final class RetryAttemptEvent extends Event {

  static {
    PerfweaveEvents.initialised(RetryAttemptEvent.class);
  }

  @Name(RetryAttemptField.SITE)
  @Label("Site")
  public String site;

  @Name(RetryAttemptField.ATTEMPT)
  @Label("Attempt")
  @Description("1 for the first call")
  public int attempt;

  @Name(RetryAttemptField.ATTEMPT_DURATION)
  @Label("Attempt Duration")
  @Timespan(Timespan.NANOSECONDS)
  public long attemptDuration;

  @Name(RetryAttemptField.BACKOFF)
  @Label("Backoff")
  @Description("The wait before the next attempt; 0 where none follows")
  @Timespan(Timespan.NANOSECONDS)
  public long backoff;

  @Name(RetryAttemptField.ERROR)
  @Label("Error")
  public String error;

  @Name(RetryAttemptField.RPC_METHOD)
  @Label("RPC Method")
  public String rpcMethod;

  @Name(RetryAttemptField.DECISION)
  @Label("Decision")
  public String decision;
}
