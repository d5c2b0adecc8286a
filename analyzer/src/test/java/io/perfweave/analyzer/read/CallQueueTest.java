package io.perfweave.analyzer.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.perfweave.analyzer.model.CallLog;
import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.RpcCallRecord;
import io.perfweave.contract.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CallQueueTest {

  private static RpcCallRecord call(long start, long key) {
    return new RpcCallRecord("site", "t", "", Outcome.SUCCESS, true, 1, "", key, 0, false, 0,
        start, start + 1, 1, "", "", "");
  }

  @Test
  void callsOutOfOrder_reachTheModelByStart_tiesInTheOrderTheyCame() {
    Model model = new Model();
    CallQueue queue = new CallQueue(model);
    long[][] calls = {{5, 1}, {3, 2}, {9, 3}, {3, 4}, {1, 5}, {3, 6}};
    for (long[] c : calls) {
      queue.add(call(c[0], c[1]));
    }
    queue.drain();

    CallLog log = model.site("site").callLog();
    List<Long> keys = new ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      keys.add(log.key(i));
    }
    assertEquals(List.of(5L, 2L, 4L, 6L, 1L, 3L), keys);
  }

  @Test
  void moreCallsThanTheWindow_outOfOrderWithinIt_comeOutSorted() {
    Model model = new Model();
    CallQueue queue = new CallQueue(model);
    Random random = new Random(7);
    int calls = 3 * CallQueue.REORDER_WINDOW;
    for (int i = 0; i < calls; i++) {
      // each call at most half a window later than its place in start order
      queue.add(call(i * 10L + random.nextInt(CallQueue.REORDER_WINDOW / 2) * 10L, i));
    }
    queue.drain();

    CallLog log = model.site("site").callLog();
    assertEquals(calls, log.size());
    for (int i = 1; i < calls; i++) {
      assertEquals(true, log.start(i - 1) <= log.start(i), "in start order at " + i);
    }
  }
}
