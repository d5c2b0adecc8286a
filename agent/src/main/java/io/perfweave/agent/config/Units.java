package io.perfweave.agent.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations ({@code 250ms}, {@code 2s}, {@code 5m}, {@code 1h}) and sizes ({@code 256MB}). */
final class Units {

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
  private static final Pattern SIZE = Pattern.compile("(\\d+)(b|kb|mb|gb)");

  private Units() {}

  static Duration duration(String text) {
    if (text.trim().equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "must be a duration like 250ms, 2s, 5m or 1h, was '" + text + "'");
    }
    long amount = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "ms":
        return Duration.ofMillis(amount);
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      default:
        return Duration.ofHours(amount);
    }
  }

  static long bytes(String text) {
    Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "must be a size like 512KB, 256MB or 1GB, was '" + text + "'");
    }
    long amount = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "kb":
        return amount << 10;
      case "mb":
        return amount << 20;
      case "gb":
        return amount << 30;
      default:
        return amount;
    }
  }
}
