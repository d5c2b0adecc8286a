package io.perfweave.analyzer.rules.locks;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Rule;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Threads blocked on a contended monitor or lock for a noticeable share of the run. */
public final class LockContentionRule implements Rule {

  static final String MIN_BLOCKED_SHARE = "locks.blockedShare";

  @Override
  public String id() {
    return "lock-contention";
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of();
  }

  @Override
  public List<Finding> evaluate(Model model, Thresholds thresholds) {
    long duration = Math.max(1, model.run().durationNanos());
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, Long> entry : model.jvm().lockNanosByMonitor().top(3).entrySet()) {
      double share = (double) entry.getValue() / duration;
      if (share < thresholds.get(MIN_BLOCKED_SHARE, 0.05)) {
        continue;
      }
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("monitor", entry.getKey());
      evidence.put("blockedMs", entry.getValue() / 1e6);
      evidence.put("contendedAcquisitions", model.jvm().lockCountByMonitor().get(entry.getKey()));
      evidence.put("blockedShareOfRun", Math.round(share * 1000) / 1000.0);
      evidence.put("where", model.jvm().locks().byApplicationFrame().top(3));
      findings.add(
          new Finding(
              id(),
              Scores.exp100(share, 0.05, 0.5),
              entry.getKey(),
              "Lock contention on " + entry.getKey() + ": threads blocked " + Scores.millis(entry.getValue()),
              evidence,
              "Threads waited " + Scores.millis(entry.getValue()) + " in "
                  + model.jvm().lockCountByMonitor().get(entry.getKey()) + " contended acquisitions of "
                  + entry.getKey() + ", mostly in " + model.jvm().locks().byApplicationFrame().top(1).keySet() + ".",
              entry.getValue(),
              share,
              "the blocked time itself (summed over threads)",
              "Hold the lock for less (no I/O or RPC under it), split it, or use a concurrent"
                  + " structure (ConcurrentHashMap, LongAdder) instead.",
              "",
              List.of()));
    }
    return findings;
  }
}
