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

  private static final byte SENT = 1;
  private static final byte FAILED = 2;
  private static final byte MOVING_BLOCK = 4;

  private long[] starts = new long[256];
  private long[] ends = new long[256];
  private long[] threads = new long[256];
  private long[] keys = new long[256];
  private long[] results = new long[256];
  private byte[] flags = new byte[256];
  private int[] errors = new int[256];
  private byte[] attempts = new byte[256];
  private short[] jvms = new short[256];
  private final List<String> errorNames = new ArrayList<>();
  private final Map<String, Integer> errorIndex = new HashMap<>();
  private int size;
  private boolean capped;

  void record(RpcCallRecord call) {
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
    if (size == starts.length) {
      grow();
    }
    starts[size] = start;
    ends[size] = end;
    threads[size] = thread;
    keys[size] = key;
    results[size] = result;
    flags[size] = flag;
    errors[size] = error == null ? -1 : errorIndex.computeIfAbsent(error, this::newError);
    attempts[size] = (byte) Math.min(tries, Byte.MAX_VALUE);
    jvms[size] = jvm;
    size++;
  }

  private int newError(String name) {
    errorNames.add(name);
    return errorNames.size() - 1;
  }

  private void grow() {
    int length = starts.length * 2;
    starts = Arrays.copyOf(starts, length);
    ends = Arrays.copyOf(ends, length);
    threads = Arrays.copyOf(threads, length);
    keys = Arrays.copyOf(keys, length);
    results = Arrays.copyOf(results, length);
    flags = Arrays.copyOf(flags, length);
    errors = Arrays.copyOf(errors, length);
    attempts = Arrays.copyOf(attempts, length);
    jvms = Arrays.copyOf(jvms, length);
  }

  /** Adds the calls of another part or recording of the same site. */
  void merge(CallLog other) {
    for (int i = 0; i < other.size; i++) {
      add(other.starts[i], other.ends[i], other.threads[i], other.keys[i], other.results[i],
          other.flags[i], other.errors[i] < 0 ? null : other.errorNames.get(other.errors[i]),
          other.attempts[i], other.jvms[i]);
    }
    capped |= other.capped;
  }

  /** Marks every call as made by JVM {@code jvm} of a fleet (0 for the first or only one). */
  void tagJvm(int jvm) {
    Arrays.fill(jvms, 0, size, (short) jvm);
  }

  /** The JVM of a fleet that made the call; 0 in a recording of one JVM. */
  public int jvm(int call) {
    return jvms[call];
  }

  /** How many JVMs of a fleet made these calls. */
  public int jvmCount() {
    java.util.BitSet seen = new java.util.BitSet();
    for (int i = 0; i < size; i++) {
      seen.set(jvms[i]);
    }
    return seen.cardinality();
  }

  /** The calling thread, told apart across the JVMs of a fleet (thread ids repeat there). */
  public long caller(int call) {
    return threads[call] ^ ((long) jvms[call] << 48);
  }

  /** The calls' indexes in the order they started. */
  public int[] byStart() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(starts[a], starts[b]));
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  /** The most calls in flight at once. */
  public int maxConcurrency() {
    long[] sortedStarts = Arrays.copyOf(starts, size);
    long[] sortedEnds = Arrays.copyOf(ends, size);
    Arrays.sort(sortedStarts);
    Arrays.sort(sortedEnds);
    int inFlight = 0;
    int max = 0;
    for (int s = 0, e = 0; s < size; ) {
      if (sortedStarts[s] < sortedEnds[e]) {
        max = Math.max(max, ++inFlight);
        s++;
      } else {
        inFlight--;
        e++;
      }
    }
    return max;
  }

  public int size() {
    return size;
  }

  /** Whether calls beyond {@link #MAX_CALLS} were left out. */
  public boolean capped() {
    return capped;
  }

  public long start(int call) {
    return starts[call];
  }

  public long duration(int call) {
    return ends[call] - starts[call];
  }

  public long thread(int call) {
    return threads[call];
  }

  public long key(int call) {
    return keys[call];
  }

  /** The hash of the value the call returned; 0 when not recorded. */
  public long result(int call) {
    return results[call];
  }

  public boolean sent(int call) {
    return (flags[call] & SENT) != 0;
  }

  public boolean failed(int call) {
    return (flags[call] & FAILED) != 0;
  }

  public boolean movingBlock(int call) {
    return (flags[call] & MOVING_BLOCK) != 0;
  }

  /** Attempts the call sent to the remote side: 0 for one answered without sending. */
  public int attempts(int call) {
    return attempts[call];
  }

  /** Whether any call has a result hash: a recording of agent 0.2 or later, on a hashed site. */
  public boolean hasResults() {
    for (int i = 0; i < size; i++) {
      if (results[i] != 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether any call read at a moving block tag. */
  public boolean hasMovingBlockReads() {
    for (int i = 0; i < size; i++) {
      if ((flags[i] & MOVING_BLOCK) != 0) {
        return true;
      }
    }
    return false;
  }

  /** What a failed call failed with ("" for none). */
  public String error(int call) {
    return errors[call] < 0 ? "" : errorNames.get(errors[call]);
  }
}
