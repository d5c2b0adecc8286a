package io.perfweave.analyzer.rules.exceptions;

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

/** One place throwing the same exception type very often: exceptions used as control flow. */
public final class ExceptionsAsControlFlowRule implements Rule {

  static final String MIN_PER_SECOND = "exceptions.perSecond";
  static final String MIN_COUNT = "exceptions.minCount";

  @Override
  public String id() {
    return "exceptions-as-control-flow";
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of("jdk.JavaExceptionThrow");
  }

  @Override
  public List<Finding> evaluate(Model model, Thresholds thresholds) {
    double seconds = Math.max(1, model.run().durationNanos() / 1e9);
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, Long> entry : model.jvm().exceptionsByThrower().top(3).entrySet()) {
      double rate = entry.getValue() / seconds;
      if (entry.getValue() < thresholds.get(MIN_COUNT, 200) || rate < thresholds.get(MIN_PER_SECOND, 20)) {
        continue;
      }
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("exception", entry.getKey());
      evidence.put("thrown", entry.getValue());
      evidence.put("perSecond", Math.round(rate));
      evidence.put("allExceptionsByType", model.jvm().exceptionsByType().top(5));
      findings.add(
          new Finding(
              id(),
              Scores.exp100(rate, 20, 500),
              entry.getKey(),
              "Exceptions as control flow: " + entry.getKey() + ", " + Math.round(rate) + "/s",
              evidence,
              entry.getValue() + " exceptions " + entry.getKey() + " in " + Math.round(seconds)
                  + " s; each one fills in a stack trace.",
              0,
              0,
              "not estimated: the cost is CPU in Throwable.fillInStackTrace, see the CPU profile",
              "Check the condition before the call instead of catching its failure (for example a"
                  + " pattern or range check instead of a NumberFormatException).",
              "",
              List.of()));
    }
    return findings;
  }
}
