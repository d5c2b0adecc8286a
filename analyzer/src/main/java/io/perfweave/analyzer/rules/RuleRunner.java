package io.perfweave.analyzer.rules;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.plan.Planner;
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

  /** Every threshold of every rule, each declared once by its rule, and the planner's. */
  public static List<Threshold> thresholds() {
    List<Threshold> thresholds = new ArrayList<>();
    rules().forEach(rule -> thresholds.addAll(rule.thresholds()));
    thresholds.addAll(Planner.thresholds());
    return thresholds;
  }

  /**
   * No finding saves more than the time it is about: a site's finding at most the site's own time
   * in calls, and no saving is more than the whole of what it is a share of.
   */
  public static Finding capped(Finding finding, Model model) {
    SiteModel site = model.sites().get(finding.subject());
    long most = site == null ? Long.MAX_VALUE : site.latencies().totalNanos();
    long nanos = Math.max(0, Math.min(finding.savingNanos(), most));
    double share = Math.max(0, Math.min(finding.savingShare(), 1.0));
    if (nanos == finding.savingNanos() && share == finding.savingShare()) {
      return finding;
    }
    return new Finding(
        finding.rule(), finding.score(), finding.subject(), finding.title(), finding.evidence(),
        finding.explanation(), nanos, share, finding.savingHow() + " (capped at what the run spent)",
        finding.fix(), finding.config(), finding.suggestions());
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
      found.forEach(finding -> findings.add(capped(finding, model)));
    }
    findings.sort(
        Comparator.comparingLong(Finding::savingNanos).reversed().thenComparing(Comparator.comparingInt(Finding::score).reversed()));
    return new Result(findings, outcomes);
  }
}
