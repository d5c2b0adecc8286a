package io.perfweave.analyzer.rules;


/** Scoring shared by the rules. */
public final class Scores {

  private Scores() {}

  /**
   * Maps a value to 0–100 so that {@code info} scores 25 and {@code warning} scores 75, growing
   * exponentially between (JDK Mission Control's mapExp100).
   */
  public static int exp100(double value, double info, double warning) {
    if (value <= 0) {
      return 0;
    }
    double k = Math.log(3) / (warning - info);
    double score = 100 * (1 - 0.75 * Math.exp(-k * (value - info)));
    if (value < info) {
      score = 25 * value / info;
    }
    return (int) Math.max(0, Math.min(100, Math.round(score)));
  }
}
