package io.perfweave.analyzer.rules;

import java.time.Duration;
import java.util.Locale;

/** Scoring and wording helpers shared by the rules. */
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

  public static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }

  public static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** A duration for config: whole ms below 10 s, whole seconds above. */
  public static String configDuration(long nanos) {
    Duration d = Duration.ofNanos(nanos);
    if (d.toMillis() < 10_000) {
      return Math.max(1, d.toMillis()) + "ms";
    }
    return d.toSeconds() + "s";
  }

  /** Rounds a duration up to 1, 2 or 5 times a power of ten milliseconds. */
  public static long niceNanos(long nanos) {
    long millis = Math.max(1, (nanos + 999_999) / 1_000_000);
    long power = 1;
    while (power * 10 <= millis) {
      power *= 10;
    }
    for (long step : new long[] {1, 2, 5, 10}) {
      if (millis <= step * power) {
        return step * power * 1_000_000;
      }
    }
    return 10 * power * 1_000_000;
  }
}
