package io.perfweave.analyzer.read;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.RecordedCall;
import io.perfweave.analyzer.model.SiteModel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands one recording's calls to the model in start order. JFR writes a thread's events in the
 * order its buffers are flushed, not the order they happened (seen here a second apart on one
 * thread), so calls are held in a window and released oldest first (calls that started at the
 * same nanosecond in the order they came); the window is counted in calls, so memory stays
 * bounded. The calls wait in {@link PendingCalls}' rows, their slots ordered by {@link SortedRuns};
 * the rows of numbers are the reading thread's, taken again by its next queue (a recording's
 * chunks each have a queue, and those rows were a fifth of what reading a large one allocated).
 */
final class CallQueue {

  static final int REORDER_WINDOW = 10_000;

  private static final ThreadLocal<Rows> ROWS = ThreadLocal.withInitial(Rows::new);

  private final Model model;
  private final Rows rows = Rows.take();
  private final PendingCalls pending = new PendingCalls(REORDER_WINDOW + 1, rows.numbers);
  private final SortedRuns order = new SortedRuns(rows.starts, rows.arrivals, rows.rings);
  private final int[] freeSlots = rows.freeSlots;
  private final Map<Long, String> lastSiteByThread = new HashMap<>();
  private String lastSiteName;
  private SiteModel lastSite;
  private int free;

  CallQueue(Model model) {
    this.model = model;
    for (int slot = 0; slot <= REORDER_WINDOW; slot++) {
      freeSlots[free++] = slot;
    }
  }

  void add(RecordedCall call) {
    pending.put(reserve(), call);
    commit();
  }

  /** Adds a call given field by field (in {@code RpcCallRecord}'s order), with no object made for it. */
  void add(
      String site, String target, String rpcMethod, String outcome, boolean idempotent, int attempts,
      String error, long keyHash, long resultHash, boolean movingBlock, long cacheAgeNanos,
      long startNanos, long endNanos, long threadId, String caller, String traceId, String spanId,
      String source) {
    pending.put(reserve(), site, target, rpcMethod, outcome, idempotent, attempts, error, keyHash,
        resultHash, movingBlock, cacheAgeNanos, startNanos, endNanos, threadId, caller, traceId, spanId,
        source);
    commit();
  }

  /** Releases what is left: at the end of the recording, or where it was cut short. */
  void drain() {
    while (order.size() > 0) {
      emitOldest();
    }
    order.release();
    rows.lent = false;
  }

  /** A free slot for the next call, to be filled and then {@link #commit committed}. */
  private int reserve() {
    return freeSlots[free - 1];
  }

  private void commit() {
    int slot = freeSlots[--free];
    order.add(slot, pending.start(slot));
    if (order.size() > REORDER_WINDOW) {
      emitOldest();
    }
  }

  private void emitOldest() {
    int slot = order.pollOldest();
    RecordedCall call = pending.at(slot);
    boolean followsOtherSite = !call.site().equals(lastSiteByThread.put(call.threadId(), call.site()));
    siteOf(call.site()).record(call, followsOtherSite);
    freeSlots[free++] = slot;
  }

  /** The model's site of that name; the last one is kept at hand, as calls of a site come in runs. */
  private SiteModel siteOf(String name) {
    if (name != lastSiteName) {
      lastSite = model.site(name);
      lastSiteName = name;
    }
    return lastSite;
  }

  /**
   * The window's rows of numbers, one set per thread, lent to one queue at a time. Only rows of
   * primitives: the strings' row stays the queue's own, as a reused (old) array that takes young
   * strings pays the collector's cross-region write barrier on every store.
   */
  private static final class Rows {
    final long[] numbers = new long[PendingCalls.numbersFor(REORDER_WINDOW + 1)];
    final long[] starts = new long[REORDER_WINDOW + 1];
    final long[] arrivals = new long[REORDER_WINDOW + 1];
    final int[] freeSlots = new int[REORDER_WINDOW + 1];
    final Deque<int[]> rings = new ArrayDeque<>();
    boolean lent;

    static Rows take() {
      Rows rows = ROWS.get();
      if (rows.lent) {
        rows = new Rows();
      }
      rows.lent = true;
      return rows;
    }
  }
}
