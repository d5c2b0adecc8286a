package io.perfweave.analyzer.rules.locks;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Rule;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.Threshold;
import io.perfweave.analyzer.rules.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Threads blocked on a contended monitor or lock for a noticeable share of the run. */
public final class LockContentionRule implements Rule {

  static final Threshold MIN_BLOCKED_SHARE =
      new Threshold(
          "locks.blockedShare",
          0.05,
          "share of the run threads spent blocked on one lock, before lock-contention "
              + "reports it");

  @Override
  public String id() {
    return "lock-contention";
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of();
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_BLOCKED_SHARE);
  }

  @Override
  public List<Finding> evaluate(Model model, Thresholds thresholds) {
    long duration = Math.max(1, model.run().durationNanos());
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, Long> entry : model.jvm().lockNanosByMonitor().top(3).entrySet()) {
      double share = (double) entry.getValue() / duration;
      if (share < thresholds.get(MIN_BLOCKED_SHARE)) {
        continue;
      }
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("monitor", entry.getKey());
      evidence.put("blockedMs", Numbers.millis(entry.getValue()));
      evidence.put("contendedAcquisitions", model.jvm().lockCountByMonitor().get(entry.getKey()));
      evidence.put("blockedShareOfRun", Numbers.share(share));
      evidence.put("where", model.jvm().locks().byApplicationFrame().top(3));
      findings.add(
          Finding.of(id(), entry.getKey())
              .score(Scores.exp100(share, 0.05, 0.5))
              .title("Lock contention on " + entry.getKey() + ": threads blocked " + Numbers.millisText(entry.getValue()))
              .evidence(evidence)
              .explanation("Threads waited " + Numbers.millisText(entry.getValue()) + " in "
                  + model.jvm().lockCountByMonitor().get(entry.getKey()) + " contended acquisitions of "
                  + entry.getKey() + ", mostly in " + model.jvm().locks().byApplicationFrame().top(1).keySet() + ".")
              .saving(entry.getValue(), share, "the blocked time itself (summed over threads)")
              .fix("Hold the lock for less (no I/O or RPC under it), split it, or use a concurrent"
                  + " structure (ConcurrentHashMap, LongAdder) instead.")
              .build());
    }
    return findings;
  }
}
