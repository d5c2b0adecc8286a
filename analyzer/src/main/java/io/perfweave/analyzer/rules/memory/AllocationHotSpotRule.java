package io.perfweave.analyzer.rules.memory;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.StackProfile;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Rule;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An application method behind a large share of the bytes allocated. */
public final class AllocationHotSpotRule implements Rule {

  static final String MIN_SHARE = "memory.allocationShare";
  static final String MIN_BYTES = "memory.minAllocatedBytes";

  @Override
  public String id() {
    return "allocation-hot-spot";
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of("jdk.ObjectAllocationSample");
  }

  @Override
  public List<Finding> evaluate(Model model, Thresholds thresholds) {
    StackProfile allocation = model.jvm().allocation();
    long bytes = Math.max(1, allocation.value());
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, Long> entry : allocation.byApplicationFrame().top(3).entrySet()) {
      double share = (double) entry.getValue() / bytes;
      // start-up alone allocates tens of MB; below this a share says nothing
      if (share < thresholds.get(MIN_SHARE, 0.2)
          || entry.getValue() < thresholds.get(MIN_BYTES, 64 << 20)
          || allocation.samples() < 20) {
        continue;
      }
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("method", entry.getKey());
      evidence.put("sampledBytes", entry.getValue());
      evidence.put("share", Math.round(share * 1000) / 1000.0);
      evidence.put("topTypes", model.jvm().allocationByType().top(5));
      evidence.put("gcPauseMs", model.jvm().gcPauses().totalNanos() / 1e6);
      long saving = (long) (share * model.jvm().gcPauses().totalNanos());
      findings.add(
          new Finding(
              id(),
              Scores.exp100(share, 0.2, 0.6),
              entry.getKey(),
              "Allocation hot spot " + entry.getKey() + ": " + Scores.percent(share) + " of allocated bytes",
              evidence,
              entry.getKey() + " is the first application frame of " + Scores.percent(share)
                  + " of the sampled allocation (weighted bytes).",
              saving,
              share,
              "its share of the GC pause time",
              "Allocate less there: reuse buffers, size collections up front, avoid boxing and"
                  + " intermediate strings, stream instead of materialising.",
              "",
              List.of()));
    }
    return findings;
  }
}
