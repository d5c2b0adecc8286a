package io.perfweave.instrumentation.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perfweave.contract.Outcome;
import io.perfweave.instrumentation.events.SiteStatsEvent;
import java.nio.ByteBuffer;
import java.util.Base64;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The budget's SiteStats: each drain hands out exactly what was counted since the one before,
 * from a histogram that keeps the whole run.
 */
final class CallEventsTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void drains_handOutEachIntervalOnce_andTheRunStaysWhole() throws Exception {
    CallEvents budget = new CallEvents(1);
    assertTrue(budget.own(10 * SECOND, 1_000, Outcome.SUCCESS, false, 1), "the second's first call has its event");
    for (int i = 0; i < 5; i++) {
      assertFalse(budget.own(10 * SECOND, 2_000, Outcome.SUCCESS, false, 1));
    }
    assertFalse(budget.own(10 * SECOND, 3_000, Outcome.CACHE_HIT, false, 1));
    assertTrue(budget.own(10 * SECOND, 50_000_000, Outcome.SUCCESS, false, 1), "a slow call has its event");

    SiteStatsEvent first = budget.drain("s", "");
    assertEquals(6, first.unrecorded);
    assertEquals(5, first.success);
    assertEquals(1, first.cacheHits);
    assertEquals(6, decode(first.latencies).getTotalCount());
    assertNull(budget.drain("s", ""), "nothing counted since");

    assertFalse(budget.own(10 * SECOND, 4_000, Outcome.COALESCED, false, 1));
    SiteStatsEvent second = budget.drain("s", "");
    assertEquals(1, second.unrecorded);
    assertEquals(0, second.success);
    assertEquals(1, second.coalesced);
    Histogram interval = decode(second.latencies);
    assertEquals(1, interval.getTotalCount());
    assertEquals(4_000, interval.getValueAtPercentile(100), 4_000 * 0.01);

    assertEquals(7, budget.countedLatencies().getTotalCount(), "the whole run, for the exit summary");
    assertEquals(1, budget.countedHits());
    assertEquals(1, budget.countedCoalesced());
  }

  @Test
  void instantHits_countAsHitsAtZero_besideTimedHits() throws Exception {
    CallEvents budget = new CallEvents(1);
    assertTrue(budget.own(10 * SECOND, 1_000, Outcome.SUCCESS, false, 1));
    assertFalse(budget.own(10 * SECOND, 0, Outcome.CACHE_HIT, false, 1));
    assertFalse(budget.own(10 * SECOND, 0, Outcome.CACHE_HIT, false, 1));
    assertFalse(budget.own(10 * SECOND, 5_000, Outcome.CACHE_HIT, false, 1));
    assertFalse(budget.own(10 * SECOND, 0, Outcome.SUCCESS, false, 1));

    SiteStatsEvent stats = budget.drain("s", "");
    assertEquals(4, stats.unrecorded);
    assertEquals(3, stats.cacheHits);
    assertEquals(1, stats.success);
    Histogram latencies = decode(stats.latencies);
    assertEquals(4, latencies.getTotalCount());
    assertEquals(3, latencies.getCountAtValue(0), "two instant hits and a call timed at 0");
    assertEquals(3, budget.countedHits());
    assertEquals(4, budget.countedLatencies().getTotalCount());
    assertNull(budget.drain("s", ""), "nothing counted since");
  }

  private static Histogram decode(String base64) throws Exception {
    return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
  }
}
