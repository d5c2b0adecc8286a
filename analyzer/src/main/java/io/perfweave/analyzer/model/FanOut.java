package io.perfweave.analyzer.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Sequential fan-out (N+1): runs of calls of one site from one caller on one thread, each
 * starting right after the previous one ended, with no call of another site between. Calls
 * arrive in the order they started.
 */
public final class FanOut {

  /** The longest gap between two calls that still counts as one run. */
  static final long GAP_NANOS = 1_000_000;

  private final Map<String, Map<Long, long[]>> open = new HashMap<>(); // caller -> thread -> {lastEnd, size}
  private final LongCounts runs = new LongCounts();
  private final LongCounts callsInRuns = new LongCounts();
  private final LongCounts longestRun = new LongCounts();
  private String lastCaller;
  private Map<Long, long[]> lastByThread;

  /** @param followsOtherSite whether the thread's previous call was of another site */
  void record(String caller, long threadId, long start, long end, boolean followsOtherSite) {
    if (caller != lastCaller) {
      lastByThread = open.computeIfAbsent(caller, c -> new HashMap<>());
      lastCaller = caller;
    }
    Map<Long, long[]> byThread = lastByThread;
    long[] run = byThread.get(threadId);
    if (run != null && !followsOtherSite && start - run[0] <= GAP_NANOS && start >= run[0] - GAP_NANOS) {
      run[0] = end;
      run[1]++;
      return;
    }
    if (run != null) {
      close(caller, run[1]);
    }
    byThread.put(threadId, new long[] {end, 1});
  }

  void finish() {
    open.forEach((caller, byThread) -> byThread.values().forEach(run -> close(caller, run[1])));
    open.clear();
    lastCaller = null;
  }

  void merge(FanOut other) {
    runs.merge(other.runs);
    callsInRuns.merge(other.callsInRuns);
    for (Map.Entry<String, Long> e : other.longestRun.top(Integer.MAX_VALUE).entrySet()) {
      if (e.getValue() > longestRun.get(e.getKey())) {
        longestRun.add(e.getKey(), e.getValue() - longestRun.get(e.getKey()));
      }
    }
  }

  private void close(String caller, long size) {
    if (size < 2) {
      return;
    }
    runs.add(caller, 1);
    callsInRuns.add(caller, size);
    if (size > longestRun.get(caller)) {
      longestRun.add(caller, size - longestRun.get(caller));
    }
  }

  /** Runs of two or more calls, by caller. */
  public LongCounts runs() {
    return runs;
  }

  /** Calls that were part of such runs, by caller. */
  public LongCounts callsInRuns() {
    return callsInRuns;
  }

  public LongCounts longestRun() {
    return longestRun;
  }
}
