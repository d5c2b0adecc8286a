package io.perfweave.analyzer.plan;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.RuleRunner;
import io.perfweave.analyzer.rules.SiteSuggestion;
import io.perfweave.analyzer.rules.SuggestionYaml;
import io.perfweave.analyzer.rules.Thresholds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings' proposals turned into one plan per site, each with its replayed prediction, and
 * the findings priced by the replay: a finding's config is its site's whole plan, and its saving
 * what the replay predicts for the part of the plan it asked for.
 *
 * @param sites the planned sites by name, in name order
 * @param findings the findings, re-ranked by their replayed savings
 */
public record Plans(Map<String, Planned> sites, List<Finding> findings) {

  /** One site's plan and what the replay predicts for it. */
  public record Planned(SiteModel site, SitePlan plan, Prediction prediction) {

    public SiteSuggestion suggestion() {
      return SiteSuggestion.forSite(
          site, plan.cacheYaml(), plan.retryYaml(), plan.cache() != null && plan.cache().cacheBlockTags());
    }
  }

  /** Plans every site a finding proposes a cache or retry for, and prices those findings. */
  public static Plans of(Model model, List<Finding> findings, Thresholds thresholds) {
    Planner planner = new Planner(thresholds);
    Map<String, SitePlan> planned = new LinkedHashMap<>();
    for (SiteModel site : model.sites().values()) {
      boolean cache = asks(findings, site.name(), true);
      boolean retry = asks(findings, site.name(), false);
      if (cache || retry) {
        SitePlan plan = planner.plan(site, cache, retry);
        if (!plan.isEmpty()) {
          planned.put(site.name(), plan);
        }
      }
    }
    Map<String, Prediction> predictions = Replay.of(model.sites().values(), planned);
    Map<String, Planned> sites = new LinkedHashMap<>();
    planned.forEach(
        (name, plan) -> sites.put(name, new Planned(model.sites().get(name), plan, predictions.get(name))));
    List<Finding> priced = new ArrayList<>();
    for (Finding finding : findings) {
      priced.add(finding.suggestions().isEmpty() ? finding : priced(finding, model, sites.get(finding.subject())));
    }
    priced.sort(
        Comparator.comparingLong(Finding::savingNanos).reversed()
            .thenComparing(Comparator.comparingInt(Finding::score).reversed()));
    return new Plans(sites, priced);
  }

  private static boolean asks(List<Finding> findings, String site, boolean forCache) {
    return findings.stream()
        .flatMap(f -> f.suggestions().stream())
        .anyMatch(s -> s.name().equals(site) && !(forCache ? s.cache() : s.retry()).isEmpty());
  }

  private static boolean asksForCache(Finding finding) {
    return finding.suggestions().stream().anyMatch(s -> !s.cache().isEmpty());
  }

  private static Finding priced(Finding finding, Model model, Planned planned) {
    boolean forCache = asksForCache(finding);
    SitePlan part =
        planned == null ? SitePlan.NONE
            : forCache ? new SitePlan(planned.plan().cache(), null) : new SitePlan(null, planned.plan().retry());
    if (part.isEmpty()) {
      return unplannable(finding, model.sites().get(finding.subject()));
    }
    Prediction prediction =
        Replay.of(model.sites().values(), Map.of(planned.site().name(), part)).get(planned.site().name());
    Map<String, Object> evidence = new LinkedHashMap<>(finding.evidence());
    evidence.put("prediction", PredictionJson.of(prediction));
    SiteSuggestion suggestion = planned.suggestion();
    long saving = Math.max(0, prediction.savingNanos());
    return RuleRunner.capped(
        Finding.of(finding.rule(), finding.subject())
            .score(finding.score())
            .title(finding.title())
            .evidence(evidence)
            .explanation(finding.explanation())
            .saving(saving, (double) saving / Math.max(1, model.rpcNanos()), how(prediction))
            .fix(finding.fix() + " Planned for the site: " + words(planned.plan()) + ".")
            .config(SuggestionYaml.sites(List.of(suggestion)), List.of(suggestion))
            .build(),
        model);
  }

  /** A finding the plan cannot apply: the diagnosis stands, without a config, saying why. */
  private static Finding unplannable(Finding finding, SiteModel site) {
    return Finding.of(finding.rule(), finding.subject())
        .score(finding.score())
        .title(finding.title())
        .evidence(finding.evidence())
        .explanation(finding.explanation())
        .saving(0, 0, "none: no cache the agent would apply answers any of the recorded calls")
        .fix("perfweave cannot apply this: " + whyNoCache(site) + ".")
        .build();
  }

  private static String whyNoCache(SiteModel site) {
    boolean hashes = site.callLog().hasResults();
    if (site.callLog().hasMovingBlockReads() && !hashes) {
      return "its calls read at a moving block tag, and without result hashes in the recording"
          + " (an agent before 0.2) nothing shows how often their values change, so they are not"
          + " cached; record with this agent, or cache in the application what may be that old";
    }
    return hashes
        ? "at every TTL that would answer calls, some key's value had changed too often by then"
            + " (more than cache.maxStaleShare of its calls would be answered stale)"
        : "no TTL within twice the time its repeats take would answer any call";
  }

  static String how(Prediction p) {
    return "what-if replay of the " + p.calls() + " recorded calls through the planned policy: RPCs sent "
        + p.rpcsSentBefore() + " → " + p.rpcsSentAfter() + ", errors " + p.errorsBefore() + " → "
        + p.errorsAfter() + ", p95 " + Numbers.millisText(p.p95Before()) + " → "
        + Numbers.millisText(p.p95After())
        + (p.sharedAnswered() > 0 ? ", " + p.sharedAnswered() + " answered by the shared level" : "")
        + (p.resultsKnown() ? ", stale reads " + p.staleReads() : "")
        + "; the saving is the time no longer spent in calls, plus each error avoided at twice a call's mean time (the failed call and the application's own redo)";
  }

  /** The plan in words: {@code cache ttl 2s, retry 3 attempts from 20ms backoff}. */
  public static String words(SitePlan plan) {
    List<String> parts = new ArrayList<>();
    if (plan.cache() != null) {
      parts.add("cache ttl " + Numbers.configDuration(plan.cache().ttlNanos())
          + (plan.cache().cacheBlockTags() ? " including reads at moving block tags" : "")
          + (plan.cache().l2TtlNanos() > 0
              ? " shared by the JVMs through Redis for " + Numbers.configDuration(plan.cache().l2TtlNanos())
              : ""));
    }
    if (plan.retry() != null) {
      parts.add("retry " + plan.retry().maxAttempts() + " attempts from "
          + Numbers.configDuration(plan.retry().backoffNanos()) + " backoff");
    }
    return String.join(", ", parts);
  }
}
