package io.perfweave.instrumentation.http;

import io.perfweave.contract.Outcome;
import java.util.concurrent.CompletionException;

/**
 * What one attempt of an HTTP call came back with: a response with its status, or a failure. A
 * 5xx or 429 status is a failed call although the caller still gets the response.
 */
record Attempt(Object response, int status, Throwable failure) {

  static Attempt of(ClientAdapter adapter, Object response, Throwable failure) {
    int status = 0;
    if (response != null) {
      try {
        status = adapter.status(response);
      } catch (Throwable unreadable) {
        status = 0;
      }
    }
    return new Attempt(response, status, failure);
  }

  /** What an asynchronous call really failed with: futures wrap it in a CompletionException. */
  static Throwable cause(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  boolean failed() {
    return failure != null || failedStatus(status);
  }

  static boolean failedStatus(int status) {
    return status >= 500 || status == 429;
  }

  /** The {@code error} of the call's event. */
  String error() {
    if (failure != null) {
      return failure.getClass().getName();
    }
    return failedStatus(status) ? "HTTP " + status : null;
  }

  String outcome() {
    return failed() ? Outcome.ERROR : Outcome.SUCCESS;
  }
}
