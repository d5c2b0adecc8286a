package io.perfweave.analyzer.read;

import io.perfweave.analyzer.model.RecordedCall;

/**
 * A fixed number of calls held in two arrays, a row of numbers and a row of strings per slot,
 * and a view of one slot at a time as a {@link RecordedCall}: the reorder window holds its calls
 * here instead of an object per call, which at millions of calls a recording was most of what
 * the analyzer allocated. Rows rather than a column per field, so that a call's fields share a
 * cache line or two, as an object's would.
 */
final class PendingCalls implements RecordedCall {

  private static final int KEY_HASH = 0;
  private static final int RESULT_HASH = 1;
  private static final int CACHE_AGE = 2;
  private static final int START = 3;
  private static final int END = 4;
  private static final int THREAD = 5;
  private static final int ATTEMPTS = 6;
  private static final int FLAGS = 7;
  private static final int NUMBERS = 8;

  private static final int SITE = 0;
  private static final int TARGET = 1;
  private static final int RPC_METHOD = 2;
  private static final int OUTCOME = 3;
  private static final int ERROR = 4;
  private static final int CALLER = 5;
  private static final int TRACE_ID = 6;
  private static final int SPAN_ID = 7;
  private static final int SOURCE = 8;
  private static final int STRINGS = 9;

  private static final long IDEMPOTENT = 1;
  private static final long MOVING_BLOCK = 2;

  private final long[] numbers;
  private final String[] strings;
  private int numbersAt;
  private int stringsAt;

  /**
   * @param slots the calls it holds
   * @param numbers {@link #numbersFor numbersFor(slots)} longs, any values: a slot is written before it is read
   */
  PendingCalls(int slots, long[] numbers) {
    this.numbers = numbers;
    strings = new String[slots * STRINGS];
  }

  /** The length of the numbers' row for {@code slots} calls. */
  static int numbersFor(int slots) {
    return slots * NUMBERS;
  }

  /** Puts a call in a slot (the arguments in {@code RpcCallRecord}'s order). */
  void put(
      int slot, String site, String target, String rpcMethod, String outcome, boolean idempotent,
      int attempts, String error, long keyHash, long resultHash, boolean movingBlock,
      long cacheAgeNanos, long startNanos, long endNanos, long threadId, String caller,
      String traceId, String spanId, String source) {
    int n = slot * NUMBERS;
    numbers[n + KEY_HASH] = keyHash;
    numbers[n + RESULT_HASH] = resultHash;
    numbers[n + CACHE_AGE] = cacheAgeNanos;
    numbers[n + START] = startNanos;
    numbers[n + END] = endNanos;
    numbers[n + THREAD] = threadId;
    numbers[n + ATTEMPTS] = attempts;
    numbers[n + FLAGS] = (idempotent ? IDEMPOTENT : 0) | (movingBlock ? MOVING_BLOCK : 0);
    int s = slot * STRINGS;
    strings[s + SITE] = site;
    strings[s + TARGET] = target;
    strings[s + RPC_METHOD] = rpcMethod;
    strings[s + OUTCOME] = outcome;
    strings[s + ERROR] = error;
    strings[s + CALLER] = caller;
    strings[s + TRACE_ID] = traceId;
    strings[s + SPAN_ID] = spanId;
    strings[s + SOURCE] = source;
  }

  void put(int slot, RecordedCall call) {
    put(slot, call.site(), call.target(), call.rpcMethod(), call.outcome(), call.idempotent(),
        call.attempts(), call.error(), call.keyHash(), call.resultHash(), call.movingBlock(),
        call.cacheAgeNanos(), call.startNanos(), call.endNanos(), call.threadId(), call.caller(),
        call.traceId(), call.spanId(), call.source());
  }

  /** This view, showing the call in {@code slot}. */
  RecordedCall at(int slot) {
    numbersAt = slot * NUMBERS;
    stringsAt = slot * STRINGS;
    return this;
  }

  long start(int slot) {
    return numbers[slot * NUMBERS + START];
  }

  @Override
  public String site() {
    return strings[stringsAt + SITE];
  }

  @Override
  public String target() {
    return strings[stringsAt + TARGET];
  }

  @Override
  public String rpcMethod() {
    return strings[stringsAt + RPC_METHOD];
  }

  @Override
  public String outcome() {
    return strings[stringsAt + OUTCOME];
  }

  @Override
  public boolean idempotent() {
    return (numbers[numbersAt + FLAGS] & IDEMPOTENT) != 0;
  }

  @Override
  public int attempts() {
    return (int) numbers[numbersAt + ATTEMPTS];
  }

  @Override
  public String error() {
    return strings[stringsAt + ERROR];
  }

  @Override
  public long keyHash() {
    return numbers[numbersAt + KEY_HASH];
  }

  @Override
  public long resultHash() {
    return numbers[numbersAt + RESULT_HASH];
  }

  @Override
  public boolean movingBlock() {
    return (numbers[numbersAt + FLAGS] & MOVING_BLOCK) != 0;
  }

  @Override
  public long cacheAgeNanos() {
    return numbers[numbersAt + CACHE_AGE];
  }

  @Override
  public long startNanos() {
    return numbers[numbersAt + START];
  }

  @Override
  public long endNanos() {
    return numbers[numbersAt + END];
  }

  @Override
  public long threadId() {
    return numbers[numbersAt + THREAD];
  }

  @Override
  public String caller() {
    return strings[stringsAt + CALLER];
  }

  @Override
  public String traceId() {
    return strings[stringsAt + TRACE_ID];
  }

  @Override
  public String spanId() {
    return strings[stringsAt + SPAN_ID];
  }

  @Override
  public String source() {
    return strings[stringsAt + SOURCE];
  }
}
