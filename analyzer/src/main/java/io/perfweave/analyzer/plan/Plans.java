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
import java.util.stream.Collectors;

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
    Map<String, SitePlan> planned = plan(model, findings, new Planner(thresholds));
    List<Map<String, SitePlan>> toReplay = new ArrayList<>(List.of(planned));
    for (Finding finding : findings) {
      SitePlan part = finding.suggestions().isEmpty() ? SitePlan.NONE : partAskedFor(finding, planned.get(finding.subject()));
      if (!part.isEmpty()) {
        toReplay.add(Map.of(finding.subject(), part));
      }
    }
    Replays replays = Replays.of(model, toReplay);
    Map<String, Prediction> predictions = replays.get(planned);
    Map<String, Planned> sites = new LinkedHashMap<>();
    planned.forEach(
        (name, plan) -> sites.put(name, new Planned(model.sites().get(name), plan, predictions.get(name))));
    List<Finding> priced = new ArrayList<>();
    for (Finding finding : findings) {
      priced.add(finding.suggestions().isEmpty() ? finding : priced(finding, model, sites.get(finding.subject()), replays));
    }
    priced.sort(
        Comparator.comparingLong(Finding::savingNanos).reversed()
            .thenComparing(Comparator.comparingInt(Finding::score).reversed()));
    return new Plans(sites, priced);
  }

  /**
   * Each site a finding asks a cache or retry for, planned, in the model's order (a site asked for
   * neither gets no plan): the sites side by side (the planner replays each candidate on its site
   * alone, and only reads the model).
   */
  private static Map<String, SitePlan> plan(Model model, List<Finding> findings, Planner planner) {
    List<SiteModel> sites = List.copyOf(model.sites().values());
    List<SitePlan> plans = sites.parallelStream()
        .map(site -> planner.plan(site, asks(findings, site.name(), true), asks(findings, site.name(), false)))
        .toList();
    Map<String, SitePlan> planned = new LinkedHashMap<>();
    for (int i = 0; i < sites.size(); i++) {
      if (!plans.get(i).isEmpty()) {
        planned.put(sites.get(i).name(), plans.get(i));
      }
    }
    return planned;
  }

  /**
   * The model's calls replayed through each distinct set of plans, once, side by side (a replay
   * only reads the model; its draws are seeded by site, so the order they run in changes
   * nothing). A finding's part of a site's plan is often the whole plan of the only site planned.
   * Only the planned sites' predictions are read, so where nothing is planned nothing is replayed.
   */
  private static final class Replays {
    private final Map<Map<String, SitePlan>, Map<String, Prediction>> done;

    private Replays(Map<Map<String, SitePlan>, Map<String, Prediction>> done) {
      this.done = done;
    }

    static Replays of(Model model, List<Map<String, SitePlan>> plans) {
      return new Replays(plans.stream()
          .filter(p -> !p.isEmpty())
          .map(Map::copyOf)
          .distinct()
          .collect(Collectors.toList())
          .parallelStream()
          .collect(Collectors.toMap(p -> p, p -> Replay.of(model.sites().values(), p))));
    }

    Map<String, Prediction> get(Map<String, SitePlan> plans) {
      // maps are equal by their entries, whatever their kind
      return plans.isEmpty() ? Map.of() : done.get(plans);
    }
  }

  /** The part of a site's plan a finding asked for: its cache, or its retry. */
  private static SitePlan partAskedFor(Finding finding, SitePlan plan) {
    if (plan == null) {
      return SitePlan.NONE;
    }
    return asksForCache(finding) ? new SitePlan(plan.cache(), null) : new SitePlan(null, plan.retry());
  }

  private static boolean asks(List<Finding> findings, String site, boolean forCache) {
    return findings.stream()
        .flatMap(f -> f.suggestions().stream())
        .anyMatch(s -> s.name().equals(site) && !(forCache ? s.cache() : s.retry()).isEmpty());
  }

  private static boolean asksForCache(Finding finding) {
    return finding.suggestions().stream().anyMatch(s -> !s.cache().isEmpty());
  }

  private static Finding priced(Finding finding, Model model, Planned planned, Replays replays) {
    SitePlan part = partAskedFor(finding, planned == null ? null : planned.plan());
    if (part.isEmpty()) {
      return unplannable(finding, model.sites().get(finding.subject()));
    }
    Prediction prediction = replays.get(Map.of(planned.site().name(), part)).get(planned.site().name());
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
