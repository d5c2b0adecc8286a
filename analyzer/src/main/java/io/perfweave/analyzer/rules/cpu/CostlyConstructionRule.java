package io.perfweave.analyzer.rules.cpu;

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

/**
 * Costly objects built over and over on the hot path: an HTTP client, an ObjectMapper, a regex
 * Pattern, an SSLContext. Each should be built once and reused.
 */
public final class CostlyConstructionRule implements Rule {

  static final String MIN_SAMPLES = "cpu.costlyConstructionSamples";
  static final String MIN_SHARE = "cpu.costlyConstructionShare";

  @Override
  public String id() {
    return "costly-construction";
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of("jdk.ExecutionSample");
  }

  @Override
  public List<Finding> evaluate(Model model, Thresholds thresholds) {
    long total = Math.max(1, model.jvm().cpu().value());
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, Long> entry : model.jvm().costlyConstruction().top(5).entrySet()) {
      double share = (double) entry.getValue() / total;
      // one client built at start-up costs a few percent of a short run; that is not the pattern
      if (entry.getValue() < thresholds.get(MIN_SAMPLES, 10) || share < thresholds.get(MIN_SHARE, 0.05)) {
        continue;
      }
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("what", entry.getKey());
      evidence.put("cpuSamples", entry.getValue());
      evidence.put("shareOfCpu", Math.round(share * 1000) / 1000.0);
      findings.add(
          new Finding(
              id(),
              Scores.exp100(share, 0.02, 0.1),
              entry.getKey(),
              "Costly construction: " + entry.getKey() + " takes " + Scores.percent(share) + " of CPU",
              evidence,
              entry.getValue() + " CPU samples were spent constructing " + entry.getKey()
                  + "; that much points at building it again and again, not once.",
              (long) (share * model.run().durationNanos()),
              share,
              "its whole CPU share: built once, it costs nothing per call",
              "Build it once (a static final field or an injected singleton) and reuse it; clients,"
                  + " mappers and patterns are thread-safe.",
              "",
              List.of()));
    }
    return findings;
  }
}
