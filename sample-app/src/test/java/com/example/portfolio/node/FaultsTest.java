package com.example.portfolio.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class FaultsTest {

  @Test
  void sameSeed_sameFaults_requestByRequest() {
    assertEquals(sequence(42, 0.1, "query"), sequence(42, 0.1, "query"));
    assertNotEquals(sequence(42, 0.1, "query"), sequence(43, 0.1, "query"));
    assertNotEquals(sequence(42, 0.1, "query"), sequence(42, 0.1, "getblockcount"));
  }

  @Test
  void rateAndKinds_asConfigured() {
    Map<Faults.Fault, Integer> kinds = new EnumMap<>(Faults.Fault.class);
    sequence(7, 0.1, "getAccountInfo").forEach(f -> kinds.merge(f, 1, Integer::sum));
    int failed = 100_000 - kinds.get(Faults.Fault.NONE);
    assertTrue(Math.abs(failed - 10_000) < 500, failed + " of 100 000 failed");
    assertTrue(Math.abs(kinds.get(Faults.Fault.UNAVAILABLE) - failed * 0.5) < failed * 0.05, kinds.toString());
    assertTrue(Math.abs(kinds.get(Faults.Fault.RESET) - failed * 0.33) < failed * 0.05, kinds.toString());
    assertTrue(Math.abs(kinds.get(Faults.Fault.HANG) - failed * 0.17) < failed * 0.05, kinds.toString());
  }

  @Test
  void noRate_noFaults() {
    assertTrue(sequence(42, 0, "query").stream().allMatch(f -> f == Faults.Fault.NONE));
  }

  @Test
  void latencies_haveATail_andFollowTheSeed() {
    Faults faults = new Faults(42, 0);
    long slow = 0;
    for (long n = 1; n <= 10_000; n++) {
      long millis = faults.latencyMillis("query", n);
      assertTrue(millis >= 2 && millis <= 50, Long.toString(millis));
      slow += millis >= 25 ? 1 : 0;
      assertEquals(millis, new Faults(42, 0).latencyMillis("query", n));
    }
    assertTrue(slow > 350 && slow < 650, slow + " slow of 10 000");
  }

  private static List<Faults.Fault> sequence(long seed, double rate, String method) {
    Faults faults = new Faults(seed, rate);
    List<Faults.Fault> sequence = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      sequence.add(faults.next(method));
    }
    return sequence;
  }
}
