package io.perfweave.analyzer.model;

import io.perfweave.contract.Outcome;

/**
 * The fields of one {@code perfweave.RpcCall} the model uses; times in epoch nanoseconds.
 *
 * @param resultHash the hash of the value returned, 0 where not recorded
 * @param movingBlock whether the call read at a block tag that moves on ({@code latest}, ...)
 * @param caller the first application frame under the call, or "" when the event has no stack
 * @param traceId the OpenTelemetry trace current when the call was made, or ""
 * @param spanId that span's id, or ""
 * @param source the event type it was read from: perfweave's {@code perfweave.RpcCall}, or a
 *     JDK 25 {@code jdk.MethodTrace} (no arguments, result or outcome: no keys, no errors)
 */
public record RpcCallRecord(
    String site,
    String target,
    String rpcMethod,
    String outcome,
    boolean idempotent,
    int attempts,
    String error,
    long keyHash,
    long resultHash,
    boolean movingBlock,
    long cacheAgeNanos,
    long startNanos,
    long endNanos,
    long threadId,
    String caller,
    String traceId,
    String spanId,
    String source) implements Comparable<RpcCallRecord> {

  /** The call as perfweave's own event records it. */
  public RpcCallRecord(
      String site, String target, String rpcMethod, String outcome, boolean idempotent, int attempts,
      String error, long keyHash, long resultHash, boolean movingBlock, long cacheAgeNanos,
      long startNanos, long endNanos, long threadId, String caller, String traceId, String spanId) {
    this(site, target, rpcMethod, outcome, idempotent, attempts, error, keyHash, resultHash, movingBlock,
        cacheAgeNanos, startNanos, endNanos, threadId, caller, traceId, spanId, io.perfweave.contract.Events.RPC_CALL);
  }

  /** Calls in the order they started (the reorder window's order: no comparator object per comparison). */
  @Override
  public int compareTo(RpcCallRecord other) {
    return Long.compare(startNanos, other.startNanos);
  }

  public long durationNanos() {
    return endNanos - startNanos;
  }

  public boolean failed() {
    return outcome.equals(Outcome.ERROR) || !error.isEmpty();
  }

  /** Whether the call went to the remote side (not answered by a cache or another call). */
  public boolean sent() {
    return Outcome.sent(outcome);
  }
}
