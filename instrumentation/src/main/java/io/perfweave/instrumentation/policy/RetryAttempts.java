package io.perfweave.instrumentation.policy;

import io.perfweave.contract.RetryDecision;
import io.perfweave.instrumentation.events.RetryAttemptEvent;

/** What every retrying site does after a failed attempt: record the decision, wait the backoff. */
public final class RetryAttempts {

  private RetryAttempts() {}

  /** Records one failed attempt and what was decided after it; {@code rpcMethod} may be null. */
  public static void record(
      String site, String rpcMethod, int attempt, long attemptNanos, String error, String decision,
      long backoffNanos) {
    RetryAttemptEvent event = new RetryAttemptEvent();
    if (event.shouldCommit()) {
      event.site = site;
      event.rpcMethod = rpcMethod;
      event.attempt = attempt;
      event.attemptDuration = attemptNanos;
      event.backoff = decision.equals(RetryDecision.NOT_RETRYABLE) ? 0 : backoffNanos;
      event.error = error;
      event.decision = decision;
      event.commit();
    }
  }

  /** Waits the backoff; false, with the interrupt flag restored, when interrupted. */
  public static boolean sleep(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
