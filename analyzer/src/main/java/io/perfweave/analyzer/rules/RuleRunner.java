package io.perfweave.analyzer.rules;

import io.perfweave.analyzer.model.Model;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Loads the rules listed in META-INF/services, runs those whose events the recordings have, and
 * ranks the findings by estimated saving (then score).
 */
public final class RuleRunner {

  private RuleRunner() {}

  public static List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    ServiceLoader.load(Rule.class).forEach(rules::add);
    return rules;
  }

  /** The result of one rule: run, or not applicable for want of events. */
  public record Outcome(String rule, boolean applicable, int findings) {}

  public record Result(List<Finding> findings, List<Outcome> outcomes) {}

  public static Result run(Model model, Thresholds thresholds) {
    List<Finding> findings = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    for (Rule rule : rules()) {
      if (!model.eventTypes().containsAll(rule.requiredEvents())) {
        outcomes.add(new Outcome(rule.id(), false, 0));
        continue;
      }
      List<Finding> found = rule.evaluate(model, thresholds);
      outcomes.add(new Outcome(rule.id(), true, found.size()));
      findings.addAll(found);
    }
    findings.sort(
        Comparator.comparingLong(Finding::savingNanos).reversed().thenComparing(Comparator.comparingInt(Finding::score).reversed()));
    return new Result(findings, outcomes);
  }
}
