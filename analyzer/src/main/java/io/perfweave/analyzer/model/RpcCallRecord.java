package io.perfweave.analyzer.model;

/** The fields of one recorded call the model uses ({@link RecordedCall}), as a value. */
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
    String source) implements RecordedCall {

  /** The call as perfweave's own event records it. */
  public RpcCallRecord(
      String site, String target, String rpcMethod, String outcome, boolean idempotent, int attempts,
      String error, long keyHash, long resultHash, boolean movingBlock, long cacheAgeNanos,
      long startNanos, long endNanos, long threadId, String caller, String traceId, String spanId) {
    this(site, target, rpcMethod, outcome, idempotent, attempts, error, keyHash, resultHash, movingBlock,
        cacheAgeNanos, startNanos, endNanos, threadId, caller, traceId, spanId, io.perfweave.contract.Events.RPC_CALL);
  }
}
