package io.perfweave.analyzer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.RpcCallRecord;
import io.perfweave.contract.Outcome;
import org.junit.jupiter.api.Test;

final class RuleRunnerTest {

  /* --- savings --- */

  @Test
  void capped_neverAboveTheSitesOwnTime_norAboveTheWhole() {
    Model model = new Model();
    model.site("s").record(call(0, 2_000_000), false);
    model.site("s").record(call(10_000_000, 13_000_000), false);
    Finding claims =
        Finding.of("r", "s").saving(4_501_158_000_000L, 26.5, "an estimate").build();

    Finding capped = RuleRunner.capped(claims, model);

    assertEquals(5_000_000, capped.savingNanos(), "the site spent 5 ms in calls");
    assertEquals(1.0, capped.savingShare());
    assertEquals("an estimate (capped at what the run spent)", capped.savingHow());
  }

  @Test
  void capped_aSavingWithinBounds_isLeftAsItIs() {
    Model model = new Model();
    model.site("s").record(call(0, 2_000_000), false);
    Finding modest = Finding.of("r", "s").saving(1_000_000, 0.2, "an estimate").build();

    assertEquals(modest, RuleRunner.capped(modest, model));
  }

  private static RpcCallRecord call(long start, long end) {
    return new RpcCallRecord("s", "T#m", "", Outcome.SUCCESS, true, 1, "", 7, 0, false, 0, start, end, 1, "", "", "");
  }
}
