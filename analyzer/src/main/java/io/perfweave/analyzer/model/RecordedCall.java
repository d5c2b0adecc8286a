package io.perfweave.analyzer.model;

import io.perfweave.contract.Outcome;

/**
 * One recorded call as the model reads it; times in epoch nanoseconds. The model copies what
 * it keeps and holds on to no call, so a reader may hand it a view it then reuses.
 */
public interface RecordedCall {

  String site();

  String target();

  String rpcMethod();

  String outcome();

  boolean idempotent();

  int attempts();

  String error();

  long keyHash();

  /** The hash of the value returned, 0 where not recorded. */
  long resultHash();

  /** Whether the call read at a block tag that moves on ({@code latest}, ...). */
  boolean movingBlock();

  long cacheAgeNanos();

  long startNanos();

  long endNanos();

  long threadId();

  /** The first application frame under the call, or "" when the event has no stack. */
  String caller();

  /** The OpenTelemetry trace current when the call was made, or "". */
  String traceId();

  String spanId();

  /**
   * The event type it was read from: perfweave's {@code perfweave.RpcCall}, or a JDK 25 {@code
   * jdk.MethodTrace} (no arguments, result or outcome: no keys, no errors).
   */
  String source();

  default long durationNanos() {
    return endNanos() - startNanos();
  }

  default boolean failed() {
    return outcome().equals(Outcome.ERROR) || !error().isEmpty();
  }

  /** Whether the call went to the remote side (not answered by a cache or another call). */
  default boolean sent() {
    return Outcome.sent(outcome());
  }
}
