package io.perfweave.analyzer.rules.memory;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.model.StackProfile;
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

/** An application method behind a large share of the bytes allocated. */
public final class AllocationHotSpotRule implements Rule {

  static final Threshold MIN_SHARE =
      new Threshold(
          "memory.allocationShare",
          0.2,
          "share of allocated bytes behind one application method, before allocation-hot-"
              + "spot reports it");
  static final Threshold MIN_BYTES =
      new Threshold(
          "memory.minAllocatedBytes",
          64 << 20,
          "bytes allocated behind one method, before allocation-hot-spot reports it");

  @Override
  public String id() {
    return "allocation-hot-spot";
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of("jdk.ObjectAllocationSample");
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_SHARE, MIN_BYTES);
  }

  @Override
  public List<Finding> evaluate(Model model, Thresholds thresholds) {
    StackProfile allocation = model.jvm().allocation();
    long bytes = Math.max(1, allocation.value());
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, Long> entry : allocation.byApplicationFrame().top(3).entrySet()) {
      double share = (double) entry.getValue() / bytes;
      // start-up alone allocates tens of MB; below this a share says nothing
      if (share < thresholds.get(MIN_SHARE)
          || entry.getValue() < thresholds.get(MIN_BYTES)
          || allocation.samples() < 20) {
        continue;
      }
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("method", entry.getKey());
      evidence.put("sampledBytes", entry.getValue());
      evidence.put("share", Numbers.share(share));
      evidence.put("topTypes", model.jvm().allocationTypesUnder(entry.getKey()).top(5));
      evidence.put("gcPauseMs", Numbers.millis(model.jvm().gcPauses().totalNanos()));
      long saving = (long) (share * model.jvm().gcPauses().totalNanos());
      findings.add(
          Finding.of(id(), entry.getKey())
              .score(Scores.exp100(share, 0.2, 0.6))
              .title("Allocation hot spot " + entry.getKey() + ": " + Numbers.percentText(share) + " of allocated bytes")
              .evidence(evidence)
              .explanation(entry.getKey() + " is the first application frame of " + Numbers.percentText(share)
                  + " of the sampled allocation (weighted bytes).")
              .saving(saving, share, "its share of the GC pause time")
              .fix("Allocate less there: reuse buffers, size collections up front, avoid boxing and"
                  + " intermediate strings, stream instead of materialising.")
              .build());
    }
    return findings;
  }
}
