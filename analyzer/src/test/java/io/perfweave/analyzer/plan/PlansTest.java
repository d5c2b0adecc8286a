package io.perfweave.analyzer.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.RpcCallRecord;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.SiteSuggestion;
import io.perfweave.analyzer.rules.Thresholds;
import io.perfweave.contract.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Findings become one plan per site, priced by the replay. */
final class PlansTest {

  private static final long MS = 1_000_000L;

  @Test
  void twoFindingsOnOneSite_onePlanWithBoth_eachPricedForItsPart() {
    Model model = model(false, 0);
    Plans plans = Plans.of(model, List.of(finding("repeated-reads", Map.of("ttl", "100ms"), Map.of()),
        finding("transient-errors", Map.of(), Map.of("on", List.of("java.io.IOException")))), new Thresholds());

    SitePlan plan = plans.sites().get("read").plan();
    assertTrue(plan.cache() != null && plan.retry() != null, plan.toString());
    for (Finding priced : plans.findings()) {
      assertTrue(priced.config().contains("cache:") && priced.config().contains("retry:"), priced.config());
      assertTrue(priced.savingHow().startsWith("what-if replay"), priced.savingHow());
    }
  }

  @Test
  void movingBlockReadsWithoutResultHashes_keepTheirDiagnosis_withoutAConfig() {
    Model model = model(true, 0);
    Plans plans = Plans.of(model, List.of(finding("repeated-reads", Map.of("ttl", "100ms"), Map.of())), new Thresholds());

    assertFalse(plans.sites().containsKey("read"));
    Finding finding = plans.findings().get(0);
    assertEquals("", finding.config());
    assertEquals(0, finding.savingNanos());
    assertTrue(finding.fix().contains("moving block tag"), finding.fix());
  }

  private static Model model(boolean movingBlock, long result) {
    Model model = new Model();
    long start = 1_700_000_000_000L * MS;
    for (int i = 0; i < 200; i++) {
      boolean failed = i % 10 == 9;
      long at = start + i * 20 * MS;
      model.site("read").record(
          new RpcCallRecord("read", "Reader#read", "", failed ? Outcome.ERROR : Outcome.SUCCESS, true, 1,
              failed ? "java.io.IOException" : "", 42, result, movingBlock, 0, at, at + 5 * MS, 1, "", "", ""),
          false);
    }
    return model;
  }

  private static Finding finding(String rule, Map<String, Object> cache, Map<String, Object> retry) {
    SiteSuggestion suggestion = new SiteSuggestion("read", "Reader", "read", true, cache, retry);
    return Finding.of(rule, "read").score(50).title(rule).config("x", List.of(suggestion)).build();
  }
}
