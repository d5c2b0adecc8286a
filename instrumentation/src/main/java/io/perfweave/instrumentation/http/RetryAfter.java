package io.perfweave.instrumentation.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The wait a server asks for in {@code Retry-After}: seconds, or an HTTP date. */
final class RetryAfter {

  private RetryAfter() {}

  /** The wait in nanoseconds; 0 when there is no header or it cannot be read. */
  static long nanos(String header) {
    if (header == null || header.isBlank()) {
      return 0;
    }
    String value = header.trim();
    try {
      return value.chars().allMatch(Character::isDigit)
          ? Duration.ofSeconds(Long.parseLong(value)).toNanos()
          : Math.max(0, Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)).toNanos());
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      return 0;
    }
  }
}
