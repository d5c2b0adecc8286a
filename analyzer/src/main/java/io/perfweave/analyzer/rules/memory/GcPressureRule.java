package io.perfweave.analyzer.rules.memory;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Rule;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.Thresholds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GC pauses taking a noticeable share of the run. */
public final class GcPressureRule implements Rule {

  static final String MIN_PAUSE_SHARE = "memory.gcPauseShare";

  @Override
  public String id() {
    return "gc-pressure";
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of("jdk.GarbageCollection");
  }

  @Override
  public List<Finding> evaluate(Model model, Thresholds thresholds) {
    long pauses = model.jvm().gcPauses().totalNanos();
    long duration = Math.max(1, model.run().durationNanos());
    double share = (double) pauses / duration;
    if (share < thresholds.get(MIN_PAUSE_SHARE, 0.02)) {
      return List.of();
    }
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("collections", model.jvm().gcPauses().count());
    evidence.put("pauseTotalMs", pauses / 1e6);
    evidence.put("longestPauseMs", model.jvm().gcPauses().max() / 1e6);
    evidence.put("pauseShare", Math.round(share * 1000) / 1000.0);
    evidence.put("byCollector", model.jvm().gcByName().top(5));
    return List.of(
        new Finding(
            id(),
            Scores.exp100(share, 0.02, 0.1),
            "GC",
            "GC pauses take " + Scores.percent(share) + " of the run",
            evidence,
            model.jvm().gcPauses().count() + " collections paused the application for "
                + Scores.millis(pauses) + " in all (longest " + Scores.millis(model.jvm().gcPauses().max()) + ").",
            pauses / 2,
            share,
            "half the pause time, if allocation were halved",
            "Allocate less (see the allocation hot spots) or give the heap more room (-Xmx,"
                + " -XX:MaxGCPauseMillis).",
            "",
            List.of()));
  }
}
