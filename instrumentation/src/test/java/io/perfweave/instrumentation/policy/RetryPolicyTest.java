package io.perfweave.instrumentation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perfweave.instrumentation.config.Jitter;
import io.perfweave.instrumentation.config.Mode;
import io.perfweave.instrumentation.config.RetryConfig;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RetryPolicyTest {

  private final ManualClock clock = new ManualClock();

  /* --- backoff --- */

  @Test
  void backoff_growsByMultiplierAndIsCapped() {
    RetryPolicy policy = policy(Jitter.NONE, 6, Duration.ZERO);

    assertEquals(
        List.of(10L, 20L, 40L, 80L, 100L),
        List.of(1, 2, 3, 4, 5).stream().map(a -> policy.backoffNanos(a) / 1_000_000).toList());
  }

  @Test
  void fullJitter_staysWithinZeroAndBackoff() {
    RetryPolicy policy = policy(Jitter.FULL, 6, Duration.ZERO);
    for (int i = 0; i < 1000; i++) {
      long backoff = policy.backoffNanos(3);
      assertTrue(backoff >= 0 && backoff <= 40_000_000L, "was " + backoff);
    }
  }

  @Test
  void equalJitter_staysWithinHalfAndBackoff() {
    RetryPolicy policy = policy(Jitter.EQUAL, 6, Duration.ZERO);
    for (int i = 0; i < 1000; i++) {
      long backoff = policy.backoffNanos(3);
      assertTrue(backoff >= 20_000_000L && backoff <= 40_000_000L, "was " + backoff);
    }
  }

  /* --- decisions --- */

  @Test
  void subtypeOfListedException_isRetried() {
    RetryPolicy policy = policy(Jitter.NONE, 3, Duration.ZERO);
    policy.recordCall();

    assertEquals("RETRY", policy.decide(1, new FileNotFoundException(), clock.nanos()).outcome());
  }

  @Test
  void unlistedException_isNotRetried() {
    RetryPolicy policy = policy(Jitter.NONE, 3, Duration.ZERO);

    assertEquals(
        "NOT_RETRYABLE",
        policy.decide(1, new IllegalArgumentException(), clock.nanos()).outcome());
  }

  @Test
  void lastAttempt_givesUp() {
    RetryPolicy policy = policy(Jitter.NONE, 3, Duration.ZERO);

    assertEquals("MAX_ATTEMPTS", policy.decide(3, new IOException(), clock.nanos()).outcome());
  }

  @Test
  void maxDuration_givesUpBeforeWaitingPastIt() {
    RetryPolicy policy = policy(Jitter.NONE, 6, Duration.ofMillis(50));
    long start = clock.nanos();
    clock.advance(Duration.ofMillis(45));

    assertEquals("MAX_DURATION", policy.decide(1, new IOException(), start).outcome());
  }

  @Test
  void interruptedThread_givesUp() {
    RetryPolicy policy = policy(Jitter.NONE, 3, Duration.ZERO);
    Thread.currentThread().interrupt();
    try {
      assertEquals("INTERRUPTED", policy.decide(1, new IOException(), clock.nanos()).outcome());
    } finally {
      Thread.interrupted();
    }
  }

  private RetryPolicy policy(Jitter jitter, int maxAttempts, Duration maxDuration) {
    return new RetryPolicy(
        new RetryConfig(
            maxAttempts,
            Duration.ofMillis(10),
            2,
            Duration.ofMillis(100),
            jitter,
            List.of("java.io.IOException"),
            0.2,
            maxDuration,
            Mode.ON),
        clock);
  }
}
