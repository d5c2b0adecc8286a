package io.perfweave.instrumentation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class RetryBudgetTest {

  private final ManualClock clock = new ManualClock();
  private final RetryBudget budget = new RetryBudget(0.2, clock);

  @Test
  void retries_cappedAtRatioOfCallsPlusFloor() {
    for (int i = 0; i < 100; i++) {
      budget.recordCall();
    }
    assertEquals(20 + RetryBudget.MIN_RETRIES, takeAll());
  }

  @Test
  void window_slides_andTheBudgetRefills() {
    for (int i = 0; i < 100; i++) {
      budget.recordCall();
    }
    takeAll();
    clock.advance(Duration.ofSeconds(RetryBudget.WINDOW_SECONDS));

    assertTrue(budget.tryRetry(), "old calls and retries left the window");
  }

  @Test
  void quietClient_canRetryItsFirstFailures() {
    budget.recordCall();
    assertTrue(budget.tryRetry());
  }

  private int takeAll() {
    int taken = 0;
    while (budget.tryRetry()) {
      taken++;
    }
    return taken;
  }
}
