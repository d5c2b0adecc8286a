package io.perfweave.analyzer.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls of one site as the application made them, in the order they arrived, for what needs
 * the calls themselves rather than their distribution: concurrency, and the what-if replay of a
 * planned policy. Per call: start, end, thread, key hash, result hash, whether it was sent and
 * failed (and with what), whether it read at a moving block tag, and which JVM of a fleet made
 * it. Never arguments or values. Memory: 48 bytes a call, up to {@link #MAX_CALLS} calls a site.
 */
public final class CallLog {

  static final int MAX_CALLS = 1_000_000;

  // byStart packs a call's index (below MAX_CALLS) under its start: 43 bits of start, 2.4 hours
  private static final int INDEX_BITS = 20;
  private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
  static final long PACKED_SPAN = 1L << (Long.SIZE - 1 - INDEX_BITS);

  private static final byte SENT = 1;
  private static final byte FAILED = 2;
  private static final byte MOVING_BLOCK = 4;

  // calls are kept in blocks of BLOCK, so that a long log grows without copying itself or
  // asking the collector for one huge array; the last block starts small and doubles up to BLOCK
  private static final int BLOCK_BITS = 15;
  private static final int BLOCK = 1 << BLOCK_BITS;
  private static final int IN_BLOCK = BLOCK - 1;
  private static final int FIRST_LENGTH = 256;

  private final List<Block> blocks = new ArrayList<>();
  private final List<String> errorNames = new ArrayList<>();
  private final Map<String, Integer> errorIndex = new HashMap<>();
  private int size;
  private boolean capped;

  /** Up to {@link #BLOCK} calls, a column per field. */
  private static final class Block {
    long[] starts;
    long[] ends;
    long[] threads;
    long[] keys;
    long[] results;
    byte[] flags;
    int[] errors;
    byte[] attempts;
    short[] jvms;

    Block(int length) {
      resize(length);
    }

    int length() {
      return starts.length;
    }

    void resize(int length) {
      starts = starts == null ? new long[length] : Arrays.copyOf(starts, length);
      ends = ends == null ? new long[length] : Arrays.copyOf(ends, length);
      threads = threads == null ? new long[length] : Arrays.copyOf(threads, length);
      keys = keys == null ? new long[length] : Arrays.copyOf(keys, length);
      results = results == null ? new long[length] : Arrays.copyOf(results, length);
      flags = flags == null ? new byte[length] : Arrays.copyOf(flags, length);
      errors = errors == null ? new int[length] : Arrays.copyOf(errors, length);
      attempts = attempts == null ? new byte[length] : Arrays.copyOf(attempts, length);
      jvms = jvms == null ? new short[length] : Arrays.copyOf(jvms, length);
    }
  }

  void record(RecordedCall call) {
    add(call.startNanos(), call.endNanos(), call.threadId(), call.keyHash(), call.resultHash(),
        flags(call.sent(), call.failed(), call.movingBlock()), call.failed() ? call.error() : null,
        call.sent() ? Math.max(1, call.attempts()) : 0, (short) 0);
  }

  private static byte flags(boolean sent, boolean failed, boolean movingBlock) {
    return (byte) ((sent ? SENT : 0) | (failed ? FAILED : 0) | (movingBlock ? MOVING_BLOCK : 0));
  }

  private void add(
      long start, long end, long thread, long key, long result, byte flag, String error, int tries,
      short jvm) {
    if (size >= MAX_CALLS) {
      capped = true;
      return;
    }
    Block block = blockFor(size);
    int i = size & IN_BLOCK;
    block.starts[i] = start;
    block.ends[i] = end;
    block.threads[i] = thread;
    block.keys[i] = key;
    block.results[i] = result;
    block.flags[i] = flag;
    block.errors[i] = error == null ? -1 : errorIndex.computeIfAbsent(error, this::newError);
    block.attempts[i] = (byte) Math.min(tries, Byte.MAX_VALUE);
    block.jvms[i] = jvm;
    size++;
  }

  /** The block call {@code call} (the next one) goes in, made or grown for it. */
  private Block blockFor(int call) {
    int index = call >>> BLOCK_BITS;
    if (index == blocks.size()) {
      blocks.add(new Block(index == 0 ? FIRST_LENGTH : BLOCK));
    }
    Block block = blocks.get(index);
    if ((call & IN_BLOCK) == block.length()) {
      block.resize(Math.min(BLOCK, block.length() * 2));
    }
    return block;
  }

  private Block block(int call) {
    return blocks.get(call >>> BLOCK_BITS);
  }

  private int newError(String name) {
    errorNames.add(name);
    return errorNames.size() - 1;
  }

  /**
   * Moves the calls of another part or recording of the same site to the end of this log, leaving
   * {@code other} empty. Into an empty log its blocks move whole: a recording's log passes from
   * chunk to file to JVM to fleet without being copied each time.
   */
  void moveFrom(CallLog other) {
    if (size == 0 && errorNames.isEmpty()) {
      blocks.addAll(other.blocks);
      errorNames.addAll(other.errorNames);
      errorIndex.putAll(other.errorIndex);
      size = other.size;
    } else {
      copyFrom(other);
    }
    capped |= other.capped;
    other.blocks.clear();
    other.errorNames.clear();
    other.errorIndex.clear();
    other.size = 0;
  }

  private void copyFrom(CallLog other) {
    for (int call = 0; call < other.size; call++) {
      Block from = other.block(call);
      int i = call & IN_BLOCK;
      add(from.starts[i], from.ends[i], from.threads[i], from.keys[i], from.results[i],
          from.flags[i], from.errors[i] < 0 ? null : other.errorNames.get(from.errors[i]),
          from.attempts[i], from.jvms[i]);
    }
  }

  /** Notes calls of the site that were not logged, the log being full already. */
  void leftOut(long calls) {
    capped |= calls > 0;
  }

  /** Marks every call as made by JVM {@code jvm} of a fleet (0 for the first or only one). */
  void tagJvm(int jvm) {
    for (Block block : blocks) {
      Arrays.fill(block.jvms, (short) jvm);
    }
  }

  /** The JVM of a fleet that made the call; 0 in a recording of one JVM. */
  public int jvm(int call) {
    return block(call).jvms[call & IN_BLOCK];
  }

  /** How many JVMs of a fleet made these calls. */
  public int jvmCount() {
    java.util.BitSet seen = new java.util.BitSet();
    for (int i = 0; i < size; i++) {
      seen.set(jvm(i));
    }
    return seen.cardinality();
  }

  /** The calling thread, told apart across the JVMs of a fleet (thread ids repeat there). */
  public long caller(int call) {
    return thread(call) ^ ((long) jvm(call) << 48);
  }

  /**
   * The calls' indexes in the order they started, calls that started at once in log order (most
   * logs are in start order already: calls are logged as they end).
   */
  public int[] byStart() {
    int[] order = new int[size];
    boolean sorted = true;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int i = 0; i < size; i++) {
      order[i] = i;
      long start = start(i);
      sorted &= i == 0 || start(i - 1) <= start;
      first = Math.min(first, start);
      last = Math.max(last, start);
    }
    if (sorted) {
      return order;
    }
    long span = last - first;
    return span >= 0 && span < PACKED_SPAN ? byPackedStart(first) : byBoxedStart(order);
  }

  /**
   * Each call's start, from the first, above its index in one long: one primitive sort, with no
   * object per call (up to a million boxed indexes a site before).
   */
  private int[] byPackedStart(long first) {
    long[] packed = new long[size];
    for (int i = 0; i < size; i++) {
      packed[i] = ((start(i) - first) << INDEX_BITS) | i;
    }
    Arrays.sort(packed);
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = (int) (packed[i] & INDEX_MASK);
    }
    return order;
  }

  /** A log whose starts span more than {@link #PACKED_SPAN} nanoseconds. */
  private int[] byBoxedStart(int[] order) {
    Integer[] boxed = Arrays.stream(order).boxed().toArray(Integer[]::new);
    Arrays.sort(boxed, (a, b) -> Long.compare(start(a), start(b)));
    return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
  }

  /**
   * The most calls in flight at once, a call being in flight from its start until just before its
   * end: the calls in start order, the ends of those in flight in a min-heap (memory for the most
   * in flight, not for every call).
   */
  public int maxConcurrency() {
    long[] ends = new long[16];
    int inFlight = 0;
    int max = 0;
    for (int call : byStart()) {
      long start = start(call);
      while (inFlight > 0 && ends[0] <= start) {
        inFlight = removeEarliest(ends, inFlight);
      }
      if (end(call) <= start) {
        continue; // no time in flight
      }
      if (inFlight == ends.length) {
        ends = Arrays.copyOf(ends, inFlight * 2);
      }
      addEnd(ends, inFlight++, end(call));
      max = Math.max(max, inFlight);
    }
    return max;
  }

  /** Adds {@code end} to the heap of {@code size} ends. */
  private static void addEnd(long[] heap, int size, long end) {
    int i = size;
    while (i > 0 && heap[(i - 1) / 2] > end) {
      heap[i] = heap[(i - 1) / 2];
      i = (i - 1) / 2;
    }
    heap[i] = end;
  }

  /** Takes the earliest end off the heap of {@code size} ends; the heap's new size. */
  private static int removeEarliest(long[] heap, int size) {
    long last = heap[--size];
    int i = 0;
    for (int child = 1; child < size; child = 2 * i + 1) {
      if (child + 1 < size && heap[child + 1] < heap[child]) {
        child++;
      }
      if (heap[child] >= last) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = last;
    return size;
  }

  public int size() {
    return size;
  }

  /** Whether it holds {@link #MAX_CALLS} calls: any more are left out. */
  public boolean full() {
    return size >= MAX_CALLS;
  }

  /** Whether calls beyond {@link #MAX_CALLS} were left out. */
  public boolean capped() {
    return capped;
  }

  public long start(int call) {
    return block(call).starts[call & IN_BLOCK];
  }

  private long end(int call) {
    return block(call).ends[call & IN_BLOCK];
  }

  public long duration(int call) {
    return end(call) - start(call);
  }

  public long thread(int call) {
    return block(call).threads[call & IN_BLOCK];
  }

  public long key(int call) {
    return block(call).keys[call & IN_BLOCK];
  }

  /** The hash of the value the call returned; 0 when not recorded. */
  public long result(int call) {
    return block(call).results[call & IN_BLOCK];
  }

  public boolean sent(int call) {
    return (flags(call) & SENT) != 0;
  }

  public boolean failed(int call) {
    return (flags(call) & FAILED) != 0;
  }

  public boolean movingBlock(int call) {
    return (flags(call) & MOVING_BLOCK) != 0;
  }

  private byte flags(int call) {
    return block(call).flags[call & IN_BLOCK];
  }

  /** Attempts the call sent to the remote side: 0 for one answered without sending. */
  public int attempts(int call) {
    return block(call).attempts[call & IN_BLOCK];
  }

  /** Whether any call has a result hash: a recording of agent 0.2 or later, on a hashed site. */
  public boolean hasResults() {
    for (int i = 0; i < size; i++) {
      if (result(i) != 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether any call read at a moving block tag. */
  public boolean hasMovingBlockReads() {
    for (int i = 0; i < size; i++) {
      if (movingBlock(i)) {
        return true;
      }
    }
    return false;
  }

  /** What a failed call failed with ("" for none). */
  public String error(int call) {
    int error = block(call).errors[call & IN_BLOCK];
    return error < 0 ? "" : errorNames.get(error);
  }
}
