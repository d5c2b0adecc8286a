package io.perfweave.analyzer.rules;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.contract.Events;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A rule that judges each call site on its own. The loop over the sites is written here once;
 * a rule says what one site shows.
 */
public abstract class SiteRule implements Rule {

  @Override
  public Set<String> requiredEvents() {
    return Set.of(Events.RPC_CALL);
  }

  @Override
  public final List<Finding> evaluate(Model model, Thresholds thresholds) {
    List<Finding> findings = new ArrayList<>();
    for (SiteModel site : model.sites().values()) {
      findings.addAll(evaluate(site, model, thresholds));
    }
    return findings;
  }

  /** The findings about {@code site}; none where it shows nothing to fix. */
  protected abstract List<Finding> evaluate(SiteModel site, Model model, Thresholds thresholds);
}
