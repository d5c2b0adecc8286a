package io.perfweave.analyzer.read;

import io.perfweave.analyzer.model.RecordedCall;

/**
 * A fixed number of calls held in columns, one slot each, and a view of one slot at a time as a
 * {@link RecordedCall}: the reorder window holds its calls here instead of an object per call,
 * which at millions of calls a recording was most of what the analyzer allocated.
 */
final class PendingCalls implements RecordedCall {

  private final String[] sites;
  private final String[] targets;
  private final String[] rpcMethods;
  private final String[] outcomes;
  private final String[] errors;
  private final String[] callers;
  private final String[] traceIds;
  private final String[] spanIds;
  private final String[] sources;
  private final boolean[] idempotent;
  private final boolean[] movingBlock;
  private final int[] attempts;
  private final long[] keyHashes;
  private final long[] resultHashes;
  private final long[] cacheAges;
  private final long[] starts;
  private final long[] ends;
  private final long[] threads;
  private int at;

  PendingCalls(int slots) {
    sites = new String[slots];
    targets = new String[slots];
    rpcMethods = new String[slots];
    outcomes = new String[slots];
    errors = new String[slots];
    callers = new String[slots];
    traceIds = new String[slots];
    spanIds = new String[slots];
    sources = new String[slots];
    idempotent = new boolean[slots];
    movingBlock = new boolean[slots];
    attempts = new int[slots];
    keyHashes = new long[slots];
    resultHashes = new long[slots];
    cacheAges = new long[slots];
    starts = new long[slots];
    ends = new long[slots];
    threads = new long[slots];
  }

  /** Puts a call in a slot (the arguments in {@code RpcCallRecord}'s order). */
  void put(
      int slot, String site, String target, String rpcMethod, String outcome, boolean idempotent,
      int attempts, String error, long keyHash, long resultHash, boolean movingBlock,
      long cacheAgeNanos, long startNanos, long endNanos, long threadId, String caller,
      String traceId, String spanId, String source) {
    sites[slot] = site;
    targets[slot] = target;
    rpcMethods[slot] = rpcMethod;
    outcomes[slot] = outcome;
    this.idempotent[slot] = idempotent;
    this.attempts[slot] = attempts;
    errors[slot] = error;
    keyHashes[slot] = keyHash;
    resultHashes[slot] = resultHash;
    this.movingBlock[slot] = movingBlock;
    cacheAges[slot] = cacheAgeNanos;
    starts[slot] = startNanos;
    ends[slot] = endNanos;
    threads[slot] = threadId;
    callers[slot] = caller;
    traceIds[slot] = traceId;
    spanIds[slot] = spanId;
    sources[slot] = source;
  }

  void put(int slot, RecordedCall call) {
    put(slot, call.site(), call.target(), call.rpcMethod(), call.outcome(), call.idempotent(),
        call.attempts(), call.error(), call.keyHash(), call.resultHash(), call.movingBlock(),
        call.cacheAgeNanos(), call.startNanos(), call.endNanos(), call.threadId(), call.caller(),
        call.traceId(), call.spanId(), call.source());
  }

  /** This view, showing the call in {@code slot}. */
  RecordedCall at(int slot) {
    at = slot;
    return this;
  }

  long start(int slot) {
    return starts[slot];
  }

  @Override
  public String site() {
    return sites[at];
  }

  @Override
  public String target() {
    return targets[at];
  }

  @Override
  public String rpcMethod() {
    return rpcMethods[at];
  }

  @Override
  public String outcome() {
    return outcomes[at];
  }

  @Override
  public boolean idempotent() {
    return idempotent[at];
  }

  @Override
  public int attempts() {
    return attempts[at];
  }

  @Override
  public String error() {
    return errors[at];
  }

  @Override
  public long keyHash() {
    return keyHashes[at];
  }

  @Override
  public long resultHash() {
    return resultHashes[at];
  }

  @Override
  public boolean movingBlock() {
    return movingBlock[at];
  }

  @Override
  public long cacheAgeNanos() {
    return cacheAges[at];
  }

  @Override
  public long startNanos() {
    return starts[at];
  }

  @Override
  public long endNanos() {
    return ends[at];
  }

  @Override
  public long threadId() {
    return threads[at];
  }

  @Override
  public String caller() {
    return callers[at];
  }

  @Override
  public String traceId() {
    return traceIds[at];
  }

  @Override
  public String spanId() {
    return spanIds[at];
  }

  @Override
  public String source() {
    return sources[at];
  }
}
