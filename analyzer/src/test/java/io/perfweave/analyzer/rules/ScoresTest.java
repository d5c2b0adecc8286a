package io.perfweave.analyzer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class ScoresTest {

  @Test
  void exp100_infoLimitScores25_warningLimitScores75() {
    assertEquals(25, Scores.exp100(0.1, 0.1, 0.5));
    assertEquals(75, Scores.exp100(0.5, 0.1, 0.5));
    assertEquals(0, Scores.exp100(0, 0.1, 0.5));
  }

  @Test
  void niceNanos_roundsUpToOneTwoFive() {
    assertEquals(200_000_000L, Scores.niceNanos(130_000_000L));
    assertEquals(500_000_000L, Scores.niceNanos(201_000_000L));
    assertEquals(1_000_000_000L, Scores.niceNanos(900_000_000L));
  }

  @Test
  void configDuration_millisBelowTenSeconds() {
    assertEquals("250ms", Scores.configDuration(250_000_000L));
    assertEquals("30s", Scores.configDuration(30_000_000_000L));
  }
}
