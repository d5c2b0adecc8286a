package io.perfweave.analyzer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perfweave.contract.Outcome;
import org.junit.jupiter.api.Test;

class CallLogTest {

  private static RpcCallRecord call(long start, String error) {
    String outcome = error.isEmpty() ? Outcome.SUCCESS : Outcome.ERROR;
    return new RpcCallRecord("site", "t", "", outcome, true, 1, error, start % 7, 0, false, 0,
        start, start + 10, start % 3, "", "", "");
  }

  @Test
  void callsAcrossBlocks_keepTheirFields_andMoveInOrder() {
    int calls = 100_000; // three blocks and a part
    CallLog first = log(calls);
    CallLog second = log(calls);
    CallLog merged = new CallLog();
    merged.moveFrom(first); // blocks taken whole
    merged.moveFrom(second); // copied after them

    assertEquals(0, first.size());
    assertEquals(0, second.size());

    assertEquals(2 * calls, merged.size());
    for (int i : new int[] {0, 255, 256, 32_767, 32_768, 65_536, calls - 1}) {
      assertEquals(i * 100L, merged.start(calls + i));
      assertEquals(10, merged.duration(calls + i));
      assertEquals(i * 100L % 3, merged.thread(calls + i));
      assertEquals(i * 100L % 7, merged.key(calls + i));
      assertEquals(i % 1000 == 0, merged.failed(calls + i));
      assertEquals(i % 1000 == 0 ? "Timeout" : "", merged.error(calls + i));
      assertTrue(merged.sent(calls + i));
    }
    assertEquals(2, merged.maxConcurrency(), "each call overlaps its twin of the second copy");
    assertFalse(merged.capped());
  }

  @Test
  void maxConcurrency_isTheMostCallsOverlappingAnyInstant() {
    java.util.Random random = new java.util.Random(11);
    for (int round = 0; round < 50; round++) {
      CallLog log = new CallLog();
      int calls = 1 + random.nextInt(300);
      long[][] spans = new long[calls][];
      for (int i = 0; i < calls; i++) {
        long start = random.nextInt(1_000);
        long end = start + random.nextInt(50);
        spans[i] = new long[] {start, end};
        log.record(new RpcCallRecord("site", "t", "", Outcome.SUCCESS, true, 1, "", 1, 0, false, 0,
            start, end, i % 5, "", "", ""));
      }
      assertEquals(mostOverlapping(spans), log.maxConcurrency(), "round " + round);
    }
  }

  @Test
  void maxConcurrency_lastCallOfNoDuration() {
    // sorting starts and ends apart ran past the ends here: the last call starts where it ends
    CallLog log = new CallLog();
    for (long[] span : new long[][] {{0, 10}, {5, 20}, {20, 20}}) {
      log.record(new RpcCallRecord("site", "t", "", Outcome.CACHE_HIT, true, 1, "", 1, 0, false, 0,
          span[0], span[1], 1, "", "", ""));
    }
    assertEquals(2, log.maxConcurrency());
  }

  /** By brute force: at each call's start, the calls started by then and not yet ended (an end at that instant is not in flight). */
  private static int mostOverlapping(long[][] spans) {
    int most = 0;
    for (long[] at : spans) {
      int inFlight = 0;
      for (long[] other : spans) {
        if (other[0] <= at[0] && other[1] > at[0]) {
          inFlight++;
        }
      }
      most = Math.max(most, inFlight);
    }
    return most;
  }

  @Test
  void moveIntoALogWithCalls_errorNamesMappedToItsOwn() {
    CallLog merged = new CallLog();
    merged.record(call(1, "Refused"));
    merged.moveFrom(log(2_000));

    assertEquals(2_001, merged.size());
    assertEquals("Refused", merged.error(0));
    assertEquals("Timeout", merged.error(1));
    assertEquals("", merged.error(2));
  }

  @Test
  void byStart_ordersByStart_tiesInLogOrder() {
    assertByStart(new long[] {50, 10, 30, 10, 50, 0, 30, 30});
    java.util.Random random = new java.util.Random(7);
    long[] starts = new long[50_000];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = 1_000_000_000L + random.nextInt(20_000) * 1_000L; // many ties
    }
    assertByStart(starts);
    assertTrue(CallLog.MAX_CALLS <= 1 << 20, "an index fits the packed sort's bits");
  }

  @Test
  void byStart_ordersAlsoAcrossMoreThanThePackedSpan() {
    long far = CallLog.PACKED_SPAN + 5;
    assertByStart(new long[] {far, 3, far, 0, 3});
    assertByStart(new long[] {Long.MAX_VALUE / 2, 1, -7});
  }

  private static void assertByStart(long[] starts) {
    CallLog log = new CallLog();
    for (long start : starts) {
      log.record(call(start, ""));
    }
    Integer[] expected = new Integer[starts.length];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = i;
    }
    java.util.Arrays.sort(expected, (a, b) -> Long.compare(starts[a], starts[b])); // stable
    assertArrayEquals(java.util.Arrays.stream(expected).mapToInt(Integer::intValue).toArray(), log.byStart());
  }

  private static CallLog log(int calls) {
    CallLog log = new CallLog();
    for (int i = 0; i < calls; i++) {
      log.record(call(i * 100L, i % 1000 == 0 ? "Timeout" : ""));
    }
    return log;
  }

  @Test
  void byStart_ordersCallsThatArrivedOutOfOrder() {
    CallLog log = new CallLog();
    for (long start : new long[] {30, 10, 20, 10}) {
      log.record(call(start, ""));
    }
    assertArrayEquals(new int[] {1, 3, 2, 0}, log.byStart());
  }
}
