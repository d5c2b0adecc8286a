package io.perfweave.analyzer.report;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.SiteSuggestion;
import io.perfweave.analyzer.rules.SuggestionYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * suggested-config.yaml: every recorded site (so the next run is timed the same way) with the
 * caches and retries the findings propose, as a config the agent loads as it is.
 */
public final class SuggestedConfig {

  private SuggestedConfig() {}

  public static String render(Model model, List<Finding> findings) {
    Map<String, SiteSuggestion> sites = new LinkedHashMap<>();
    for (SiteModel site : model.sites().values()) {
      String[] target = SiteSuggestion.split(site.mainTarget());
      if (site.targets().size() == 1 && !target[1].isEmpty()) {
        sites.put(site.name(), new SiteSuggestion(site.name(), target[0], target[1], site.idempotent(), Map.of(), Map.of()));
      }
    }
    List<String> applied = new ArrayList<>();
    for (Finding finding : findings) {
      for (SiteSuggestion suggestion : finding.suggestions()) {
        sites.merge(suggestion.name(), suggestion, SuggestedConfig::combine);
        applied.add("#   " + finding.rule() + ": " + finding.title());
      }
    }
    StringBuilder yaml = new StringBuilder();
    yaml.append("# perfweave suggested config, written by perfweave-analyzer.\n");
    yaml.append("# Every site the recordings show; the findings applied:\n");
    if (applied.isEmpty()) {
      yaml.append("#   (none: nothing perfweave can apply was found)\n");
    }
    applied.stream().distinct().forEach(line -> yaml.append(line.replace('\n', ' ')).append('\n'));
    yaml.append("# Check that each cached site may serve data as old as its ttl, and that each\n");
    yaml.append("# site marked idempotent really is. Try a cache first with mode: shadow.\n");
    yaml.append(sites.isEmpty() ? "sites: []\n" : SuggestionYaml.sites(new ArrayList<>(sites.values())));
    return yaml.toString();
  }

  private static SiteSuggestion combine(SiteSuggestion current, SiteSuggestion added) {
    Map<String, Object> cache = added.cache().isEmpty() ? current.cache() : added.cache();
    Map<String, Object> retry = added.retry().isEmpty() ? current.retry() : added.retry();
    return new SiteSuggestion(
        current.name(), current.type(), current.method(), current.idempotent() || added.idempotent(),
        cache, retry, current.jsonRpc());
  }
}
