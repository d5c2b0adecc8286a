package io.perfweave.analyzer.model;

import java.time.Duration;
import java.util.Locale;

/**
 * The one place numbers are rounded and written: for report.json (shares to 0.01 %, ratios to
 * a tenth, times in ms to the µs), for text (a tenth of a ms, a tenth of a percent) and for
 * config (durations as perfweave.yaml writes them).
 */
public final class Numbers {

  private Numbers() {}

  /** A share of 0–1, rounded to four decimals (0.01 %). */
  public static double share(double share) {
    return Math.round(share * 10_000) / 10_000.0;
  }

  /** A ratio or a mean count, rounded to a tenth. */
  public static double ratio(double ratio) {
    return Math.round(ratio * 10) / 10.0;
  }

  /** A time in nanoseconds as milliseconds, rounded to the microsecond. */
  public static double millis(double nanos) {
    return Math.round(nanos / 1_000) / 1_000.0;
  }

  /** A time for text: {@code 12.3 ms}. */
  public static String millisText(double nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }

  /** A share for text: {@code 12.3%}. */
  public static String percentText(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** A number for text: whole numbers without decimals, others with two. */
  public static String plain(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
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
