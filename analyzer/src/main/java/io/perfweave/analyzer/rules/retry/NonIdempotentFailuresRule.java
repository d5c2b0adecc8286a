package io.perfweave.analyzer.rules.retry;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.SiteRule;
import io.perfweave.analyzer.rules.Thresholds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Failures on a site not declared idempotent (a send, a write): never retry it as it is, since a
 * call that failed on the way back may have taken effect. Make it idempotent first (a nonce or
 * an idempotency key the server deduplicates on); then a retry is safe.
 */
public final class NonIdempotentFailuresRule extends SiteRule {

  @Override
  public String id() {
    return "non-idempotent-failures";
  }


  @Override
  protected List<Finding> evaluate(SiteModel site, Model model, Thresholds thresholds) {
    if (site.idempotent() || site.errorCount() == 0) {
      return List.of();
    }
    double rate = (double) site.errorCount() / Math.max(1, site.calls());
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("calls", site.calls());
    evidence.put("errors", site.errorCount());
    evidence.put("errorsByType", site.errors().top(5));
    evidence.put("retried", site.retries());
    boolean retried = site.retries() > 0;
    return List.of(
        Finding.of(id(), site.name())
            .score(retried ? 100 : Scores.exp100(rate, 0.01, 0.1))
            .title((retried ? "Stop retrying " : "Do not retry ") + site.name() + ": " + site.errorCount()
                + " failures on a call that is not idempotent")
            .evidence(evidence)
            .explanation(site.mainTarget() + " failed " + site.errorCount() + " of " + site.calls()
                + " times. A failure seen by the client does not prove the call had no effect,"
                + " so re-sending it can apply it twice.")
            .saving(0, 0, "not a time saving: the cost is duplicated effects")
            .fix("Keep it unretried. To make failures recoverable, make the call idempotent: send a"
                + " client-chosen nonce or idempotency key the server deduplicates on; then declare"
                + " the site idempotent: true and retry it.")
            .build());
  }

}
