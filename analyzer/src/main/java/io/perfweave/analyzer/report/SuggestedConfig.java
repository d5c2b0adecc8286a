package io.perfweave.analyzer.report;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.plan.Plans;
import io.perfweave.analyzer.plan.Prediction;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.SiteSuggestion;
import io.perfweave.analyzer.rules.SuggestionYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * suggested-config.yaml: every recorded site (so the next run is timed the same way) with the
 * plan decided for it, as a config the agent loads as it is, and in comments what the replay
 * predicts that plan will do.
 */
public final class SuggestedConfig {

  private SuggestedConfig() {}

  public static String render(Model model, Plans plans) {
    Map<String, SiteSuggestion> sites = new LinkedHashMap<>();
    for (SiteModel site : model.sites().values()) {
      String[] target = SiteSuggestion.split(site.mainTarget());
      if (site.targets().size() == 1 && !target[1].isEmpty()) {
        sites.put(site.name(), new SiteSuggestion(site.name(), target[0], target[1], site.idempotent(), Map.of(), Map.of()));
      }
    }
    plans.sites().forEach((name, planned) -> sites.put(name, planned.suggestion()));
    StringBuilder yaml = new StringBuilder();
    yaml.append("# perfweave suggested config, written by perfweave-analyzer.\n");
    yaml.append("# Every site the recordings show; the findings it applies:\n");
    List<String> applied = new ArrayList<>();
    for (Finding finding : plans.findings()) {
      if (!finding.suggestions().isEmpty()) {
        applied.add("#   " + finding.rule() + ": " + finding.title().replace('\n', ' '));
      }
    }
    if (applied.isEmpty()) {
      yaml.append("#   (none: nothing perfweave can apply was found)\n");
    }
    applied.stream().distinct().forEach(line -> yaml.append(line).append('\n'));
    if (!plans.sites().isEmpty()) {
      yaml.append("# What the what-if replay of the recorded calls predicts with this config:\n");
      plans.sites().forEach((name, planned) -> yaml.append(predictionLine(name, planned)));
    }
    yaml.append("# Check that each cached site may serve data as old as its ttl, and that each\n");
    yaml.append("# site marked idempotent really is. Try a cache first with mode: shadow.\n");
    if (plans.sites().values().stream().anyMatch(p -> p.plan().cache() != null && p.plan().cache().l2TtlNanos() > 0)) {
      yaml.append("# A cache with l2 is shared by the fleet's JVMs through Redis: point redis.url at\n");
      yaml.append("# yours (PERFWEAVE_REDIS_URL=redis://:password@host:6379 keeps the password out).\n");
    }
    yaml.append(sites.isEmpty() ? "sites: []\n" : SuggestionYaml.sites(new ArrayList<>(sites.values())));
    return yaml.toString();
  }

  private static String predictionLine(String name, Plans.Planned planned) {
    Prediction p = planned.prediction();
    return "#   " + name + " (" + Plans.words(planned.plan()) + "): RPCs sent " + p.rpcsSentBefore()
        + " → " + p.rpcsSentAfter() + ", errors " + p.errorsBefore() + " → " + p.errorsAfter()
        + ", p95 " + Numbers.millisText(p.p95Before()) + " → " + Numbers.millisText(p.p95After())
        + (p.resultsKnown() ? ", stale reads " + Numbers.percentText(p.staleShare()) + " (at most "
            + Numbers.percentText(p.worstKeyStaleShare()) + " of one key's)" : "") + "\n";
  }
}
