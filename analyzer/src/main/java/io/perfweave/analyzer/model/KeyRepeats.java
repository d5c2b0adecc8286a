package io.perfweave.analyzer.model;

import java.util.HashMap;
import java.util.Map;

/**
 * For one site: how often a call repeats an earlier call's key, how long after, and how often it
 * overlaps a call with the same key still in flight. Calls arrive in the order they started.
 * Memory grows with distinct keys, capped.
 */
public final class KeyRepeats {

  static final int MAX_KEYS = 200_000;

  private final Map<Long, long[]> lastByKey = new HashMap<>(); // {lastStart, maxEnd, its thread}
  private final Map<Long, long[]> firstByKey = new HashMap<>(); // {firstStart, firstEnd, thread}
  private final Latencies intervals = new Latencies();
  private long keyedCalls;
  private long repeats;
  private long concurrentDuplicates;
  private boolean capped;

  void record(long keyHash, long start, long end, long thread) {
    keyedCalls++;
    long[] last = lastByKey.get(keyHash);
    if (last == null) {
      if (lastByKey.size() < MAX_KEYS) {
        lastByKey.put(keyHash, new long[] {start, end, thread});
        firstByKey.put(keyHash, new long[] {start, end, thread});
      } else {
        capped = true;
      }
      return;
    }
    repeat(last, start, thread);
    if (end > last[1]) {
      last[1] = end;
      last[2] = thread;
    }
    last[0] = Math.max(last[0], start);
  }

  /**
   * A key came back: while its last call was still in flight on another thread (a concurrent
   * duplicate: one thread cannot overlap itself, whatever its timestamps say), or after (an
   * interval).
   */
  private void repeat(long[] last, long start, long thread) {
    repeats++;
    if (start < last[1] && thread != last[2]) {
      concurrentDuplicates++;
    } else {
      intervals.record(start - last[0]);
    }
  }

  /**
   * Adds the calls of a later part of the same recording (the next chunk): a key's first call
   * there repeats this part's last call of it.
   */
  void append(KeyRepeats later) {
    keyedCalls += later.keyedCalls;
    repeats += later.repeats;
    concurrentDuplicates += later.concurrentDuplicates;
    intervals.merge(later.intervals);
    capped |= later.capped;
    later.firstByKey.forEach(
        (key, first) -> {
          long[] last = lastByKey.get(key);
          if (last == null) {
            if (lastByKey.size() < MAX_KEYS) {
              firstByKey.put(key, first.clone());
            }
            return;
          }
          repeat(last, first[0], first[2]);
        });
    later.lastByKey.forEach(
        (key, last) -> {
          long[] mine = lastByKey.get(key);
          if (mine == null) {
            if (lastByKey.size() < MAX_KEYS) {
              lastByKey.put(key, last.clone());
            }
          } else {
            mine[0] = Math.max(mine[0], last[0]);
            if (last[1] > mine[1]) {
              mine[1] = last[1];
              mine[2] = last[2];
            }
          }
        });
  }

  /** Adds the calls of another, independent recording (another run or process). */
  void merge(KeyRepeats other) {
    keyedCalls += other.keyedCalls;
    repeats += other.repeats;
    concurrentDuplicates += other.concurrentDuplicates;
    intervals.merge(other.intervals);
    capped |= other.capped;
    other.lastByKey.forEach(lastByKey::putIfAbsent);
    other.firstByKey.forEach(firstByKey::putIfAbsent);
  }

  public long keyedCalls() {
    return keyedCalls;
  }

  public long repeats() {
    return repeats;
  }

  public long distinctKeys() {
    return lastByKey.size();
  }

  public long concurrentDuplicates() {
    return concurrentDuplicates;
  }

  /** Time from a key's previous call to its next, for repeats that did not overlap. */
  public Latencies intervals() {
    return intervals;
  }

  public double repeatShare() {
    return keyedCalls == 0 ? 0 : (double) repeats / keyedCalls;
  }

  public boolean capped() {
    return capped;
  }
}
