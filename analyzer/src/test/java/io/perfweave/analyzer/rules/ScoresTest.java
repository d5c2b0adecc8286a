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
}
