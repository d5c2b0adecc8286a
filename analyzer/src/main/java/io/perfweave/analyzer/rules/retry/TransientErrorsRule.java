package io.perfweave.analyzer.rules.retry;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.model.TransientErrors;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.SiteRule;
import io.perfweave.analyzer.rules.SiteSuggestion;
import io.perfweave.analyzer.rules.SuggestionYaml;
import io.perfweave.analyzer.rules.Threshold;
import io.perfweave.analyzer.rules.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An idempotent site failing now and then with transient errors (I/O, timeouts, 429/502/503/504)
 * and no retry: retry with backoff would absorb them. The planner sets its parameters from the
 * failure rate and the call's latency.
 */
public final class TransientErrorsRule extends SiteRule {

  static final Threshold MIN_ERROR_RATE =
      new Threshold(
          "retry.minErrorRate",
          0.005,
          "share of a site's calls failing transiently, before transient-errors proposes "
              + "a retry");
  static final Threshold MAX_ERROR_RATE =
      new Threshold(
          "retry.maxErrorRate",
          0.5,
          "share above which failures are not transient (a retry would not help)");

  @Override
  public String id() {
    return "transient-errors";
  }


  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_ERROR_RATE, MAX_ERROR_RATE);
  }

  @Override
  protected List<Finding> evaluate(SiteModel site, Model model, Thresholds thresholds) {
    long transientErrors = transientErrors(site);
    double rate = site.calls() == 0 ? 0 : (double) transientErrors / site.calls();
    if (!site.idempotent()
        || !site.canApplyPolicies()
        || site.retries() > 0
        || !site.retryDecisions().top(1).isEmpty()
        || transientErrors < 2
        || rate < thresholds.get(MIN_ERROR_RATE)
        || rate > thresholds.get(MAX_ERROR_RATE)) {
      return List.of();
    }
    return List.of(finding(site, transientErrors, rate, model));
  }


  private Finding finding(SiteModel site, long errors, double rate, Model model) {
    long saving = errors * site.latencies().mean();
    SiteSuggestion suggestion = SiteSuggestion.forSite(site, Map.of(), Map.of("on", errorTypes(site)));
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("calls", site.calls());
    evidence.put("transientErrors", errors);
    evidence.put("errorRate", Numbers.share(rate));
    evidence.put("errorsByType", site.errors().top(5));
    double share = (double) saving / Math.max(1, model.rpcNanos());
    return Finding.of(id(), site.name())
        .score(Scores.exp100(rate, 0.01, 0.1))
        .title("Retry " + site.name() + ": " + errors + " transient failures (" + Numbers.percentText(rate)
            + " of calls) reached the application")
        .evidence(evidence)
        .explanation(site.mainTarget() + " failed " + errors + " times with " + site.errors().top(3).keySet()
            + "; " + site.idempotenceReason() + ", so a retry is safe.")
        .saving(saving, share, "failed calls × mean call latency: the work the application lost or redid")
        .fix("Retry transient failures with backoff and full jitter, within a budget.")
        .config(SuggestionYaml.sites(List.of(suggestion)), List.of(suggestion))
        .build();
  }

  private static List<String> errorTypes(SiteModel site) {
    return site.errors().top(Integer.MAX_VALUE).keySet().stream().filter(TransientErrors::isTransient).toList();
  }

  private static long transientErrors(SiteModel site) {
    return site.errors().top(Integer.MAX_VALUE).entrySet().stream()
        .filter(e -> TransientErrors.isTransient(e.getKey()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }
}
