package io.perfweave.analyzer.rules.retry;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Rule;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.Thresholds;
import io.perfweave.contract.Events;
import io.perfweave.contract.RetryDecision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Retries beyond what helps: the budget ran out, or retries were a large share of what the site
 * sent. More attempts then only add load to a server that is already failing.
 */
public final class RetryStormRule implements Rule {

  static final String MAX_RETRY_SHARE = "retry.maxShare";

  @Override
  public String id() {
    return "retry-storm";
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of(Events.RPC_CALL);
  }

  @Override
  public List<Finding> evaluate(Model model, Thresholds thresholds) {
    List<Finding> findings = new ArrayList<>();
    for (SiteModel site : model.sites().values()) {
      long exhausted = site.retryDecisions().get(RetryDecision.BUDGET_EXHAUSTED);
      double retryShare = (double) site.retries() / Math.max(1, site.rpcsSent());
      if (exhausted == 0 && retryShare < thresholds.get(MAX_RETRY_SHARE, 0.3)) {
        continue;
      }
      long wasted = site.retries() * site.sentLatencies().mean();
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("calls", site.calls());
      evidence.put("rpcsSent", site.rpcsSent());
      evidence.put("retries", site.retries());
      evidence.put("retryShareOfSent", Math.round(retryShare * 1000) / 1000.0);
      evidence.put("budgetExhausted", exhausted);
      evidence.put("errors", site.errorCount());
      findings.add(
          new Finding(
              id(),
              Scores.exp100(retryShare, 0.2, 0.5),
              site.name(),
              "Retry storm on " + site.name() + ": retries were " + Scores.percent(retryShare)
                  + " of the calls sent" + (exhausted > 0 ? ", and the budget ran out " + exhausted + " times" : ""),
              evidence,
              site.rpcsSent() + " calls were sent for " + site.calls() + " calls made; "
                  + site.errorCount() + " still failed.",
              wasted,
              (double) wasted / Math.max(1, model.rpcNanos()),
              "retries × mean latency of calls sent",
              "The failures are not transient: lower maxAttempts and the budget, raise the backoff,"
                  + " and look at the server side; retries cannot fix an outage.",
              "",
              List.of()));
    }
    return findings;
  }
}
