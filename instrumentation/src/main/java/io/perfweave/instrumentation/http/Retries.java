package io.perfweave.instrumentation.http;

import io.perfweave.contract.RetryDecision;
import io.perfweave.instrumentation.runtime.RetryPolicy;

/**
 * The retry decision after a failed attempt of an HTTP call: exceptions by the policy's types,
 * statuses by its list (waiting at least what {@code Retry-After} asks), nothing else.
 */
final class Retries {

  private static final RetryPolicy.Decision NOT_RETRYABLE =
      new RetryPolicy.Decision(RetryDecision.NOT_RETRYABLE, 0);

  private Retries() {}

  static RetryPolicy.Decision after(HttpCall call, Attempt attempt) {
    RetryPolicy retry = call.policy.retry();
    if (attempt.failure() != null) {
      return retry.decide(call.attempts, attempt.failure(), call.startNanos);
    }
    if (!call.policy.retryStatuses().contains(attempt.status())) {
      return NOT_RETRYABLE;
    }
    long serverAsks = 0;
    try {
      serverAsks = RetryAfter.nanos(call.adapter.header(attempt.response(), "Retry-After"));
    } catch (Throwable unreadable) {
      serverAsks = 0;
    }
    return retry.decideTransient(call.attempts, call.startNanos, serverAsks);
  }
}
