package io.perfweave.analyzer.plan;

import io.perfweave.analyzer.model.Numbers;
import java.util.LinkedHashMap;
import java.util.Map;

/** A prediction as report.json and compare.json write it (docs/report-json.md). */
public final class PredictionJson {

  private PredictionJson() {}

  public static Map<String, Object> of(Prediction p) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("calls", p.calls());
    json.put("rpcsSentBefore", p.rpcsSentBefore());
    json.put("rpcsSentAfter", p.rpcsSentAfter());
    json.put("errorsBefore", p.errorsBefore());
    json.put("errorsAfter", p.errorsAfter());
    json.put("p50MsBefore", Numbers.millis(p.p50Before()));
    json.put("p50MsAfter", Numbers.millis(p.p50After()));
    json.put("p95MsBefore", Numbers.millis(p.p95Before()));
    json.put("p95MsAfter", Numbers.millis(p.p95After()));
    json.put("answeredByCache", p.answered());
    json.put("answeredBySharedCache", p.sharedAnswered());
    json.put("staleReads", p.resultsKnown() ? p.staleReads() : null);
    json.put("worstKeyStaleShare", p.resultsKnown() ? Numbers.share(p.worstKeyStaleShare()) : null);
    json.put("savingMs", Numbers.millis(p.savingNanos()));
    return json;
  }
}
