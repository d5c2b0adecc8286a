package io.perfweave.analyzer.rules.cpu;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.rules.CpuShare;
import io.perfweave.analyzer.rules.CpuShareRule;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.Threshold;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Costly objects built over and over on the hot path: an HTTP client, an ObjectMapper, a regex
 * Pattern, an SSLContext. Each should be built once and reused.
 */
public final class CostlyConstructionRule extends CpuShareRule {

  static final Threshold MIN_SAMPLES =
      new Threshold(
          "cpu.costlyConstructionSamples",
          10,
          "CPU samples building one costly object, before costly-construction reports it");
  static final Threshold MIN_SHARE =
      new Threshold(
          "cpu.costlyConstructionShare",
          0.05,
          "share of CPU building costly objects (ObjectMapper, HTTP clients, Pattern, "
              + "SSLContext)");

  public CostlyConstructionRule() {
    super(model -> model.jvm().costlyConstruction(), 5, MIN_SAMPLES, MIN_SHARE);
  }

  @Override
  public String id() {
    return "costly-construction";
  }


  @Override
  protected Finding finding(CpuShare built, Model model) {
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("what", built.what());
    evidence.put("cpuSamples", built.samples());
    evidence.put("shareOfCpu", Numbers.share(built.share()));
    return Finding.of(id(), built.what())
        .score(Scores.exp100(built.share(), 0.02, 0.1))
        .title("Costly construction: " + built.what() + " takes " + Numbers.percentText(built.share()) + " of CPU")
        .evidence(evidence)
        .explanation(built.samples() + " CPU samples were spent constructing " + built.what()
            + "; that much points at building it again and again, not once.")
        .saving(built.savingNanos(model), built.share(), "its whole CPU share: built once, it costs nothing per call")
        .fix("Build it once (a static final field or an injected singleton) and reuse it; clients,"
            + " mappers and patterns are thread-safe.")
        .build();
  }

}
