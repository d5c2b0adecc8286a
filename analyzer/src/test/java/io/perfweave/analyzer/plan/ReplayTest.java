package io.perfweave.analyzer.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perfweave.analyzer.model.JvmRun;
import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.SiteModel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The what-if replay on call sequences whose outcome under a policy is known. */
final class ReplayTest {

  private static final long MS = Calls.MS;

  @Test
  void cache_answersTheRepeatsWithinItsTtl_countedFromTheSend() {
    Calls calls = new Calls();
    for (int i = 0; i < 200; i++) {
      calls.call(i * 50L, 5, 42);
    }
    SiteModel site = calls.site();

    Prediction hundred = Replay.of(site, new SitePlan(new SitePlan.Cache(100 * MS, false), null));
    Prediction fifty = Replay.of(site, new SitePlan(new SitePlan.Cache(50 * MS, false), null));

    assertEquals(200, hundred.rpcsSentBefore());
    assertEquals(100, hundred.rpcsSentAfter(), "every other call comes within 100 ms of a send");
    assertEquals(100, hundred.answered());
    assertEquals(0, fifty.answered(), "a repeat exactly one TTL after the send misses");
    assertEquals(0, hundred.p50After(), "the hits take no time");
  }

  @Test
  void sharedLevel_answersOneJvmsCallWithWhatAnotherFetched_eachJvmsOwnCacheApart() {
    Calls a = new Calls();
    Calls b = new Calls();
    for (int i = 0; i < 50; i++) {
      a.call(i * 200L, 5, 42);
      b.call(i * 200L + 100, 5, 42);
    }
    SiteModel fleet = fleet(a.site(), b.site());

    Prediction own = Replay.of(fleet, new SitePlan(new SitePlan.Cache(150 * MS, false), null));
    Prediction shared = Replay.of(fleet, new SitePlan(new SitePlan.Cache(150 * MS, false, 150 * MS), null));

    assertEquals(100, own.rpcsSentAfter(), "neither JVM calls again within its own cache's TTL");
    assertEquals(50, shared.rpcsSentAfter(), "each of B's calls comes 100 ms after A fetched the key");
    assertEquals(50, shared.sharedAnswered());
  }

  /** The sites of JVMs' recordings merged as the analyzer merges a fleet's. */
  static SiteModel fleet(SiteModel... jvms) {
    Model model = new Model();
    for (SiteModel site : jvms) {
      Model jvm = new Model();
      jvm.site(site.name()).merge(site);
      model.mergeJvm(jvm, new JvmRun("jvm", 0, "", 0, List.of(), 0, 0, 0, 0));
    }
    return model.sites().values().iterator().next();
  }

  @Test
  void cache_coalescesCallsThatStartWhileTheSameCallIsInFlight() {
    Calls calls = new Calls();
    for (int round = 0; round < 10; round++) {
      for (int thread = 0; thread < 4; thread++) {
        calls.call(round * 1000L + thread, 100, thread, 7, 0, "", false);
      }
    }
    Prediction p = Replay.of(calls.site(), new SitePlan(new SitePlan.Cache(100 * MS, false), null));

    assertEquals(10, p.rpcsSentAfter());
    assertEquals(30, p.answered());
    assertTrue(p.p95After() <= 101 * MS && p.p95After() >= 97 * MS, "joiners wait for the rest of the flight");
  }

  @Test
  void retry_atAKnownFailureRate_leavesAboutTheRateToTheAttemptsFailing() {
    Calls calls = new Calls();
    for (int i = 0; i < 1000; i++) {
      calls.call(i * 20L, 10, 1, i + 1, 0, i % 10 == 9 ? "java.io.IOException" : "", false);
    }
    SitePlan.Retry retry =
        new SitePlan.Retry(3, 5 * MS, 40 * MS, 0.5, Set.of("java.io.IOException"), List.of("java.io.IOException"), List.of());
    Prediction p = Replay.of(calls.site(), new SitePlan(null, retry));

    assertEquals(100, p.errorsBefore());
    assertTrue(p.errorsAfter() <= 5, "about 100 × 0.1 × 0.1 = 1 left: " + p.errorsAfter());
    assertTrue(p.rpcsSentAfter() >= 1100 && p.rpcsSentAfter() <= 1125, "1000 + 100 + about 10: " + p.rpcsSentAfter());
    assertTrue(p.savingNanos() > 0, "the errors avoided outweigh the time retries take");
  }

  @Test
  void retry_neverExceedsItsBudget() {
    Calls calls = new Calls();
    for (int i = 0; i < 1000; i++) {
      calls.call(i, 1, 1, i + 1, 0, "java.io.IOException", false);
    }
    SitePlan.Retry retry =
        new SitePlan.Retry(5, MS, 8 * MS, 0.1, Set.of("java.io.IOException"), List.of("java.io.IOException"), List.of());
    Prediction p = Replay.of(calls.site(), new SitePlan(null, retry));

    assertTrue(p.rpcsSentAfter() - 1000 <= 0.1 * 1000 + 10, "retries within 10% of calls + 10: " + p.rpcsSentAfter());
  }

  @Test
  void cache_skipsMovingBlockReadsUnlessThePlanCachesThem() {
    Calls calls = new Calls();
    for (int i = 0; i < 100; i++) {
      calls.call(i * 10L, 2, 1, 9, 0, "", true);
    }
    SiteModel site = calls.site();

    assertEquals(0, Replay.of(site, new SitePlan(new SitePlan.Cache(MS * 1000, false), null)).answered());
    assertEquals(99, Replay.of(site, new SitePlan(new SitePlan.Cache(MS * 1000, true), null)).answered());
  }

  @Test
  void staleReads_areHitsServingAValueThatHadChanged() {
    Calls calls = new Calls();
    for (int i = 0; i < 100; i++) {
      calls.call(i * 10L, 2, 1, 9, i < 45 ? 111 : 222, "", false);
    }
    Prediction p = Replay.of(calls.site(), new SitePlan(new SitePlan.Cache(100 * MS, false), null));

    assertTrue(p.resultsKnown());
    assertEquals(90, p.answered());
    assertEquals(5, p.staleReads(), "the entry sent at 400 ms serves 450..490 ms after the value changed");
  }

  @Test
  void closedLoop_callsTheCacheShortensComeSooner_andHitTooWhileTheTtlLasts() {
    Calls calls = new Calls();
    for (int i = 0; i < 100; i++) {
      calls.call(i * 10L, 10, 3);
    }
    Prediction p = Replay.of(calls.site(), new SitePlan(new SitePlan.Cache(100 * MS, false), null));

    assertEquals(1, p.rpcsSentAfter(), "back to back, every call after the first comes within the TTL");
  }

  @Test
  void threadOnATimer_startsItsCallsWhenItDid() {
    Calls calls = new Calls();
    for (int i = 0; i < 100; i++) {
      calls.call(i * 100L, 10, 3);
    }
    Prediction p = Replay.of(calls.site(), new SitePlan(new SitePlan.Cache(150 * MS, false), null));

    assertEquals(50, p.rpcsSentAfter(), "the 90 ms waits take up what the hits save");
  }

  @Test
  void threadsMoveApart_acrossSites() {
    Calls reads = new Calls("read");
    Calls other = new Calls("other");
    for (int i = 0; i < 50; i++) {
      reads.call(i * 20L, 10, 3);
      other.call(i * 20L + 10, 10, 1, i + 1, 0, "", false);
    }
    Map<String, Prediction> p =
        Replay.of(List.of(reads.site(), other.site()), Map.of("read", new SitePlan(new SitePlan.Cache(100 * MS, false), null)));

    assertEquals(6, p.get("read").rpcsSentAfter(), "each hit brings the thread's next calls 10 ms sooner: "
        + "a send, then ten calls in the next 100 ms");
    assertEquals(50, p.get("other").rpcsSentAfter());
  }
}
