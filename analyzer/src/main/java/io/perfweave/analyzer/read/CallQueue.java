package io.perfweave.analyzer.read;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.RpcCallRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Hands one recording's calls to the model in start order. JFR writes a thread's events in the
 * order its buffers are flushed, not the order they happened (seen here a second apart on one
 * thread), so calls are held in a window and released oldest first; the window is counted in
 * calls, so memory stays bounded.
 */
final class CallQueue {

  static final int REORDER_WINDOW = 10_000;

  private final Model model;
  private final PriorityQueue<RpcCallRecord> pending = new PriorityQueue<>(REORDER_WINDOW + 1);
  private final Map<Long, String> lastSiteByThread = new HashMap<>();

  CallQueue(Model model) {
    this.model = model;
  }

  void add(RpcCallRecord call) {
    pending.add(call);
    if (pending.size() > REORDER_WINDOW) {
      emit(pending.poll());
    }
  }

  /** Releases what is left: at the end of the recording, or where it was cut short. */
  void drain() {
    while (!pending.isEmpty()) {
      emit(pending.poll());
    }
  }

  private void emit(RpcCallRecord call) {
    boolean followsOtherSite = !call.site().equals(lastSiteByThread.put(call.threadId(), call.site()));
    model.site(call.site()).record(call, followsOtherSite);
  }
}
