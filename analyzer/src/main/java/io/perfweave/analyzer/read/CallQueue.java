package io.perfweave.analyzer.read;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.RecordedCall;
import io.perfweave.analyzer.model.SiteModel;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands one recording's calls to the model in start order. JFR writes a thread's events in the
 * order its buffers are flushed, not the order they happened (seen here a second apart on one
 * thread), so calls are held in a window and released oldest first (calls that started at the
 * same nanosecond in the order they came); the window is counted in calls, so memory stays
 * bounded. The calls wait in {@link PendingCalls}' columns; their slots are kept sorted by start
 * in an array, where a call that comes in order (most do) is added at the end, and one that
 * does not is put in its place (a binary search and a shift of the later ones).
 */
final class CallQueue {

  static final int REORDER_WINDOW = 10_000;

  private final Model model;
  private final PendingCalls pending = new PendingCalls(REORDER_WINDOW + 1);
  // the waiting calls' slots by start, in order[head, tail); moved back to 0 when tail reaches the end
  private final int[] order = new int[2 * (REORDER_WINDOW + 1)];
  private final int[] freeSlots = new int[REORDER_WINDOW + 1];
  private final Map<Long, String> lastSiteByThread = new HashMap<>();
  private String lastSiteName;
  private SiteModel lastSite;
  private int head;
  private int tail;
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
    while (tail > head) {
      emitOldest();
    }
  }

  /** A free slot for the next call, to be filled and then {@link #commit committed}. */
  private int reserve() {
    return freeSlots[free - 1];
  }

  private void commit() {
    int slot = freeSlots[--free];
    if (tail == order.length) {
      System.arraycopy(order, head, order, 0, tail - head);
      tail -= head;
      head = 0;
    }
    long start = pending.start(slot);
    int at = tail > head && pending.start(order[tail - 1]) > start ? firstStartingAfter(start) : tail;
    System.arraycopy(order, at, order, at + 1, tail - at);
    order[at] = slot;
    tail++;
    if (tail - head > REORDER_WINDOW) {
      emitOldest();
    }
  }

  /** Where a call that started at {@code start} goes: after the waiting ones that started at or before it. */
  private int firstStartingAfter(long start) {
    int low = head;
    int high = tail - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (pending.start(order[middle]) > start) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }

  private void emitOldest() {
    int slot = order[head++];
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
}
