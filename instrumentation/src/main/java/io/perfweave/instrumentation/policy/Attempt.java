package io.perfweave.instrumentation.policy;

import io.perfweave.contract.Outcome;
import java.util.concurrent.CompletionException;

/**
 * What one attempt of a call came back with: a value (for an HTTP call, the response with its
 * status), or a failure. A 5xx or 429 status is a failed call although the caller still gets the
 * response; {@code status} is 0 where the call has none.
 */
public record Attempt(Object value, int status, Throwable failure) {

  /** A success whose value nobody keeps (a call without a cache): shared, so it costs nothing. */
  public static final Attempt SUCCEEDED = new Attempt(null, 0, null);

  /** An attempt of a call without a status: a woven method's return value or exception. */
  public static Attempt of(Object value, Throwable failure) {
    return new Attempt(value, 0, failure);
  }

  /** What an asynchronous call really failed with: futures wrap it in a CompletionException. */
  public static Throwable cause(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  public boolean failed() {
    return failure != null || failedStatus(status);
  }

  public static boolean failedStatus(int status) {
    return status >= 500 || status == 429;
  }

  /** The {@code error} of the call's event: the exception's class name, or {@code HTTP <status>}. */
  public String error() {
    if (failure != null) {
      return failure.getClass().getName();
    }
    return failedStatus(status) ? "HTTP " + status : null;
  }

  public String outcome() {
    return failed() ? Outcome.ERROR : Outcome.SUCCESS;
  }
}
