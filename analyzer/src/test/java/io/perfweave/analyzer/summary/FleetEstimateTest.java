package io.perfweave.analyzer.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perfweave.analyzer.model.JvmRun;
import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.RpcCallRecord;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.plan.Planner;
import io.perfweave.analyzer.plan.Plans;
import io.perfweave.analyzer.plan.Prediction;
import io.perfweave.analyzer.plan.Replay;
import io.perfweave.analyzer.plan.SitePlan;
import io.perfweave.analyzer.rules.Thresholds;
import io.perfweave.contract.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The estimate from merged summaries beside the what-if replay of the same calls: a fleet of
 * three JVMs, each reading twenty keys every 4 s (±1 s), whose values change every minute.
 */
final class FleetEstimateTest {

  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_700_000_000L * S;

  @Test
  void seconds_roundTrip() {
    TreeSet<Long> seconds = new TreeSet<>(List.of(1_700_000_000L, 1_700_000_001L, 1_700_000_300L));
    assertEquals(seconds, Seconds.decode(Seconds.encode(seconds)));
  }

  @Test
  void mergedSummaries_estimateWhatTheReplayPredicts_withinAQuarter() {
    List<List<RpcCallRecord>> jvms = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(3);
    for (int jvm = 0; jvm < 3; jvm++) {
      jvms.add(jvm(jvm, random));
    }
    Planner planner = new Planner(new Thresholds());
    List<ModelSummary> parts = new ArrayList<>();
    Model fleet = new Model();
    for (List<RpcCallRecord> calls : jvms) {
      // a merge moves a site's call log: each model gets a site of its own
      Model own = model(site(calls));
      parts.add(ModelSummary.of(own, new Plans(Map.of(), List.of()), planner));
      fleet.mergeJvm(model(site(calls)), row());
    }
    FleetEstimate.Site estimate = FleetEstimate.of(ModelSummary.merge(parts)).get(0);
    SiteModel merged = fleet.sites().get("read");
    long ttl = estimate.ttlNanos();
    Prediction own = Replay.of(merged, new SitePlan(new SitePlan.Cache(ttl, false), null));
    Prediction shared = Replay.of(merged, new SitePlan(new SitePlan.Cache(ttl, false, ttl), null));

    long replayed = own.rpcsSentAfter() - shared.rpcsSentAfter();
    long estimated = estimate.sendsWithOwnCaches() - estimate.sendsWithSharedCache();
    assertFalse(estimate.config().isEmpty(), estimate.toString());
    assertTrue(estimate.config().contains("l2:"), estimate.config());
    assertTrue(Math.abs(estimated - replayed) <= 0.25 * replayed,
        "estimated " + estimated + " calls saved, the replay " + replayed + ": " + estimate);
  }

  private static List<RpcCallRecord> jvm(int jvm, SplittableRandom random) {
    List<RpcCallRecord> calls = new ArrayList<>();
    for (int key = 1; key <= 20; key++) {
      for (long at = random.nextLong(4 * S); at < 120 * S; at += 3 * S + random.nextLong(2 * S)) {
        long start = T0 + at;
        long minute = at / (60 * S);
        // result hashes are keyed per process: the same value hashes differently in each JVM
        long result = (jvm + 1) * 1_000_003L + key * 101 + minute;
        calls.add(new RpcCallRecord("read", "Reader#read", "", Outcome.SUCCESS, true, 1, "", key, result, false, 0,
            start, start + 5_000_000L, 1, "", "", ""));
      }
    }
    calls.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
    return calls;
  }

  private static SiteModel site(List<RpcCallRecord> calls) {
    SiteModel site = new SiteModel("read");
    calls.forEach(call -> site.record(call, false));
    site.finish();
    return site;
  }

  private static Model model(SiteModel site) {
    Model model = new Model();
    model.site(site.name()).merge(site);
    Model jvm = new Model();
    jvm.mergeJvm(model, row());
    return jvm;
  }

  private static JvmRun row() {
    return new JvmRun("jvm", 0, "", 0, List.of(), 0, 0, 0, 0);
  }
}
