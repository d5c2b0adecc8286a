package io.perfweave.analyzer.rules.retry;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.SiteRule;
import io.perfweave.analyzer.rules.Threshold;
import io.perfweave.analyzer.rules.Thresholds;
import io.perfweave.contract.RetryDecision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Retries beyond what helps: the budget ran out, or retries were a large share of what the site
 * sent. More attempts then only add load to a server that is already failing.
 */
public final class RetryStormRule extends SiteRule {

  static final Threshold MAX_RETRY_SHARE =
      new Threshold(
          "retry.maxShare",
          0.3,
          "share of calls sent that are retries, above which retry-storm reports a site");

  @Override
  public String id() {
    return "retry-storm";
  }


  @Override
  public List<Threshold> thresholds() {
    return List.of(MAX_RETRY_SHARE);
  }

  @Override
  protected List<Finding> evaluate(SiteModel site, Model model, Thresholds thresholds) {
    long exhausted = site.retryDecisions().get(RetryDecision.BUDGET_EXHAUSTED);
    double retryShare = (double) site.retries() / Math.max(1, site.rpcsSent());
    if (exhausted == 0 && retryShare < thresholds.get(MAX_RETRY_SHARE)) {
      return List.of();
    }
    long wasted = site.retries() * site.sentLatencies().mean();
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("calls", site.calls());
    evidence.put("rpcsSent", site.rpcsSent());
    evidence.put("retries", site.retries());
    evidence.put("retryShareOfSent", Numbers.share(retryShare));
    evidence.put("budgetExhausted", exhausted);
    evidence.put("errors", site.errorCount());
    return List.of(
        Finding.of(id(), site.name())
            .score(Scores.exp100(retryShare, 0.2, 0.5))
            .title("Retry storm on " + site.name() + ": retries were " + Numbers.percentText(retryShare)
                + " of the calls sent" + (exhausted > 0 ? ", and the budget ran out " + exhausted + " times" : ""))
            .evidence(evidence)
            .explanation(site.rpcsSent() + " calls were sent for " + site.calls() + " calls made; "
                + site.errorCount() + " still failed.")
            .saving(wasted, (double) wasted / Math.max(1, model.rpcNanos()), "retries × mean latency of calls sent")
            .fix("The failures are not transient: lower maxAttempts and the budget, raise the backoff,"
                + " and look at the server side; retries cannot fix an outage.")
            .build());
  }

}
