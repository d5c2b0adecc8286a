package io.perfweave.analyzer.rules.cpu;

import io.perfweave.analyzer.model.Frames;
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

/** An application method where a large share of CPU samples land (itself or its callees). */
public final class HotMethodRule implements Rule {

  static final String MIN_SHARE = "cpu.hotMethodShare";
  static final String MIN_SAMPLES = "cpu.minSamples";
  static final String MIN_METHOD_SAMPLES = "cpu.minMethodSamples";

  @Override
  public String id() {
    return "hot-cpu-method";
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of("jdk.ExecutionSample");
  }

  @Override
  public List<Finding> evaluate(Model model, Thresholds thresholds) {
    StackProfile cpu = model.jvm().cpu();
    long samples = cpu.value();
    List<Finding> findings = new ArrayList<>();
    if (samples < thresholds.get(MIN_SAMPLES, 50)) {
      return findings;
    }
    for (Map.Entry<String, Long> entry : cpu.byApplicationFrame().top(3).entrySet()) {
      double share = (double) entry.getValue() / samples;
      if (share < thresholds.get(MIN_SHARE, 0.1) || entry.getValue() < thresholds.get(MIN_METHOD_SAMPLES, 50)) {
        continue;
      }
      String method = entry.getKey();
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("method", method);
      evidence.put("samples", entry.getValue());
      evidence.put("totalSamples", samples);
      evidence.put("share", Math.round(share * 1000) / 1000.0);
      evidence.put("selfSamples", cpu.self().get(method));
      evidence.put("topSelfMethods", cpu.self().top(5));
      long saving = (long) (share * model.run().durationNanos() / 2);
      findings.add(
          new Finding(
              id(),
              Scores.exp100(share, 0.1, 0.4),
              method,
              "Hot method " + shortName(method) + ": " + Scores.percent(share) + " of CPU samples",
              evidence,
              entry.getValue() + " of " + samples + " CPU samples have " + method
                  + " as their first application frame (it or the library code it calls was running).",
              saving,
              share,
              "half of its share of the run's wall time, if the method could be made twice as fast",
              "Look at " + method + " in the CPU flame graph: cache its result, do less per call,"
                  + " or move the work off the hot path.",
              "",
              List.of()));
    }
    return findings;
  }

  static String shortName(String method) {
    String type = Frames.classOf(method);
    return type.substring(type.lastIndexOf('.') + 1) + method.substring(type.length());
  }
}
