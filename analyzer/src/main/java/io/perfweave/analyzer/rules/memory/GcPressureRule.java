package io.perfweave.analyzer.rules.memory;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Rule;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.Threshold;
import io.perfweave.analyzer.rules.Thresholds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GC pauses taking a noticeable share of the run. */
public final class GcPressureRule implements Rule {

  static final Threshold MIN_PAUSE_SHARE =
      new Threshold(
          "memory.gcPauseShare",
          0.02,
          "share of the run in GC pauses, before gc-pressure reports it");

  // a JVM's first few collections size its young generation, and in a run of a second or two
  // they alone can be 2-3 % of it (the clean workload of AnalyzerIT: 3 collections, 22-32 ms)
  static final Threshold MIN_COLLECTIONS =
      new Threshold(
          "memory.gcMinCollections",
          10,
          "collections in the run before gc-pressure judges their pauses: fewer are the JVM's start");

  @Override
  public String id() {
    return "gc-pressure";
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of("jdk.GarbageCollection");
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_PAUSE_SHARE, MIN_COLLECTIONS);
  }

  @Override
  public List<Finding> evaluate(Model model, Thresholds thresholds) {
    long pauses = model.jvm().gcPauses().totalNanos();
    long duration = Math.max(1, model.run().durationNanos());
    double share = (double) pauses / duration;
    if (share < thresholds.get(MIN_PAUSE_SHARE)
        || model.jvm().gcPauses().count() < thresholds.get(MIN_COLLECTIONS)) {
      return List.of();
    }
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("collections", model.jvm().gcPauses().count());
    evidence.put("pauseTotalMs", Numbers.millis(pauses));
    evidence.put("longestPauseMs", Numbers.millis(model.jvm().gcPauses().max()));
    evidence.put("pauseShare", Numbers.share(share));
    evidence.put("byCollector", model.jvm().gcByName().top(5));
    return List.of(
        Finding.of(id(), "GC")
            .score(Scores.exp100(share, 0.02, 0.1))
            .title("GC pauses take " + Numbers.percentText(share) + " of the run")
            .evidence(evidence)
            .explanation(model.jvm().gcPauses().count() + " collections paused the application for "
                + Numbers.millisText(pauses) + " in all (longest " + Numbers.millisText(model.jvm().gcPauses().max()) + ").")
            .saving(pauses / 2, share, "half the pause time, if allocation were halved")
            .fix("Allocate less (see the allocation hot spots) or give the heap more room (-Xmx,"
                + " -XX:MaxGCPauseMillis).")
            .build());
  }
}
