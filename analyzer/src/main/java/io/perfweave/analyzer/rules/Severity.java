package io.perfweave.analyzer.rules;

/** How much a finding matters, from its score: CRITICAL ≥ 75, WARNING ≥ 25, INFO below. */
public enum Severity {
  CRITICAL,
  WARNING,
  INFO;

  public static Severity of(int score) {
    return score >= 75 ? CRITICAL : score >= 25 ? WARNING : INFO;
  }
}
