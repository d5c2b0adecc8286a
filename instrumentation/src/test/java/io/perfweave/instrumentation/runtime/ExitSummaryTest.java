package io.perfweave.instrumentation.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The exit summary's hand-padded rows read as the {@code String.format} ones they replaced. */
class ExitSummaryTest {

  @Test
  void rowsAreAlignedAsFormatAlignsThem() {
    String[][] rows = {
      {"site", "calls", "errors", "hits", "coalesced", "retries", "p50", "p95", "p99"},
      {"http:127.0.0.1:8545/rpc", "10764", "0", "0", "0", "0", "5.01ms", "27.00ms", "48.23ms"},
      {"a-site-name-longer-than-the-twenty-eight", "12345678901", "1234567", "1", "123456789", "7",
          "123456.78ms", "0.00ms", "1.00ms"},
    };
    for (String[] cells : rows) {
      int width = Math.max(28, cells[0].length());
      String expected = String.format(
          Locale.ROOT, "  %-" + width + "s %9s %7s %7s %9s %7s %10s %10s %10s%n", (Object[]) cells);
      assertEquals(expected, ExitSummary.row(width, cells));
    }
  }

  @Test
  void millisecondsAreRoundedHalfUpToTwoDecimals() {
    long[] nanos = {0, 4_999, 5_000, 9_999, 10_000, 95_000, 1_004_999, 1_005_000, 90_700_000,
        48_234_567, 999_995_000, 123_456_789_012L};
    for (long value : nanos) {
      assertEquals(String.format(Locale.ROOT, "%.2fms", value / 1e6), ExitSummary.millis(value), "at " + value);
    }
  }
}
