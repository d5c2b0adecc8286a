package io.perfweave.analyzer.rules.exceptions;

import io.perfweave.analyzer.model.Model;
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

/** One place throwing the same exception type very often: exceptions used as control flow. */
public final class ExceptionsAsControlFlowRule implements Rule {

  static final Threshold MIN_PER_SECOND =
      new Threshold(
          "exceptions.perSecond",
          20,
          "exceptions a second from one throwing site, before exceptions-as-control-flow "
              + "reports it");
  static final Threshold MIN_COUNT =
      new Threshold(
          "exceptions.minCount",
          200,
          "exceptions from one throwing site, before exceptions-as-control-flow reports "
              + "it");

  @Override
  public String id() {
    return "exceptions-as-control-flow";
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of("jdk.JavaExceptionThrow");
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_PER_SECOND, MIN_COUNT);
  }

  @Override
  public List<Finding> evaluate(Model model, Thresholds thresholds) {
    double seconds = Math.max(1, model.run().durationNanos() / 1e9);
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, Long> entry : model.jvm().exceptionsByThrower().top(3).entrySet()) {
      double rate = entry.getValue() / seconds;
      if (entry.getValue() < thresholds.get(MIN_COUNT) || rate < thresholds.get(MIN_PER_SECOND)) {
        continue;
      }
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("exception", entry.getKey());
      evidence.put("thrown", entry.getValue());
      evidence.put("perSecond", Math.round(rate));
      evidence.put("allExceptionsByType", model.jvm().exceptionsByType().top(5));
      findings.add(
          Finding.of(id(), entry.getKey())
              .score(Scores.exp100(rate, 20, 500))
              .title("Exceptions as control flow: " + entry.getKey() + ", " + Math.round(rate) + "/s")
              .evidence(evidence)
              .explanation(entry.getValue() + " exceptions " + entry.getKey() + " in " + Math.round(seconds)
                  + " s; each one fills in a stack trace.")
              .saving(0, 0, "not estimated: the cost is CPU in Throwable.fillInStackTrace, see the CPU profile")
              .fix("Check the condition before the call instead of catching its failure (for example a"
                  + " pattern or range check instead of a NumberFormatException).")
              .build());
    }
    return findings;
  }
}
