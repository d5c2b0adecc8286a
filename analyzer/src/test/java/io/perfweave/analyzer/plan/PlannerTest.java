package io.perfweave.analyzer.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.rules.Thresholds;
import org.junit.jupiter.api.Test;

/** The planner on call sequences with a known repeat pattern, failure rate and value history. */
final class PlannerTest {

  private static final long MS = Calls.MS;
  private final Planner planner = new Planner(new Thresholds());

  @Test
  void ttl_withoutResultHashes_staysWithinTwiceTheRepeatInterval() {
    Calls calls = new Calls();
    for (int i = 0; i < 200; i++) {
      calls.call(i * 45L, 5, 42);
    }
    SitePlan plan = planner.plan(calls.site(), true, false);

    assertEquals(100 * MS, plan.cache().ttlNanos());
    assertNull(plan.retry());
  }

  @Test
  void ttl_ofAValueThatNeverChanged_isAsLongAsHalfTheTimeItWasWatched() {
    Calls calls = new Calls();
    for (int i = 0; i < 200; i++) {
      calls.call(i * 50L, 5, 1, 42, 777, "", false);
    }
    SitePlan plan = planner.plan(calls.site(), true, false);

    assertEquals(5_000 * MS, plan.cache().ttlNanos(), "watched for 10 s");
  }

  @Test
  void ttl_ofAValueThatChanges_keepsStaleReadsUnderTheLimit() {
    Calls calls = new Calls();
    for (int i = 0; i < 400; i++) {
      long value = (i * 50L) / 730 + 1;
      calls.call(i * 50L, 5, 1, 42, value, "", false);
    }
    SiteModel site = calls.site();
    SitePlan plan = planner.plan(site, true, false);
    Prediction p = Replay.of(site, plan);

    assertTrue(plan.cache().ttlNanos() < 500 * MS, "shorter than for a value that never changes: " + plan.cache());
    assertTrue(p.staleShare() <= 0.05, "stale share " + p.staleShare());
    assertTrue(p.answered() > 0);
  }

  @Test
  void movingBlockReads_withoutResultHashes_areNotCached() {
    Calls calls = new Calls();
    for (int i = 0; i < 100; i++) {
      calls.call(i * 10L, 2, 1, 9, 0, "", true);
    }
    assertNull(planner.plan(calls.site(), true, false).cache());
  }

  @Test
  void movingBlockReads_withStableResults_areCachedWithBlockTags() {
    Calls calls = new Calls();
    for (int i = 0; i < 100; i++) {
      calls.call(i * 10L, 2, 1, 9, 5, "", true);
    }
    SitePlan plan = planner.plan(calls.site(), true, false);
    assertTrue(plan.cache().cacheBlockTags());
  }

  @Test
  void retry_attemptsFromTheFailureRate_backoffFromTheLatency() {
    Calls calls = new Calls();
    for (int i = 0; i < 300; i++) {
      calls.call(i * 30L, 22, 1, i + 1, 0, i % 3 == 2 ? "HTTP 503" : "", false);
    }
    SitePlan.Retry retry = planner.plan(calls.site(), false, true).retry();

    assertEquals(5, retry.maxAttempts(), "(1/3)^5 = 0.4% is the first under 0.5%");
    assertEquals(20 * MS, retry.backoffNanos(), "half of a 22 ms call, rounded up to 1-2-5");
    assertTrue(retry.onStatus().contains(503));
    assertFalse(retry.errors().isEmpty());
  }

  @Test
  void cacheAndRetry_together_theTtlIsChosenWithTheRetryInPlace() {
    Calls calls = new Calls();
    for (int i = 0; i < 400; i++) {
      calls.call(i * 7L, 2, 1, 1, 0, i % 3 == 2 ? "java.io.IOException" : "", false);
    }
    SiteModel site = calls.site();
    SitePlan plan = planner.plan(site, true, true);
    Prediction p = Replay.of(site, plan);

    assertTrue(p.rpcsSentAfter() <= p.rpcsSentBefore() / 10, p.toString());
    assertTrue(p.errorsAfter() < 0.01 * p.calls(), p.toString());
  }
}
