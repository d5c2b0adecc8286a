package io.perfweave.analyzer.rules.cpu;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.rules.CpuShare;
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
    List<Finding> findings = new ArrayList<>();
    // one client built at start-up costs a few percent of a short run; that is not the pattern
    for (CpuShare built :
        CpuShare.significant(
            model.jvm().costlyConstruction(), model, 5, thresholds.get(MIN_SAMPLES, 10),
            thresholds.get(MIN_SHARE, 0.05))) {
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("what", built.what());
      evidence.put("cpuSamples", built.samples());
      evidence.put("shareOfCpu", built.roundedShare());
      findings.add(
          new Finding(
              id(),
              Scores.exp100(built.share(), 0.02, 0.1),
              built.what(),
              "Costly construction: " + built.what() + " takes " + Scores.percent(built.share()) + " of CPU",
              evidence,
              built.samples() + " CPU samples were spent constructing " + built.what()
                  + "; that much points at building it again and again, not once.",
              built.savingNanos(model),
              built.share(),
              "its whole CPU share: built once, it costs nothing per call",
              "Build it once (a static final field or an injected singleton) and reuse it; clients,"
                  + " mappers and patterns are thread-safe.",
              "",
              List.of()));
    }
    return findings;
  }
}
