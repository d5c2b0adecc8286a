package io.perfweave.instrumentation.runtime;

import io.perfweave.bridge.Bridge;
import java.io.PrintStream;
import org.HdrHistogram.Histogram;

/** The short plain-text report printed on stderr at exit: one line per site, then agent health. */
final class ExitSummary {

  /** The widths of the figures' columns: calls, errors, hits, coalesced, retries, p50, p95, p99. */
  private static final int[] COLUMNS = {9, 7, 7, 9, 7, 10, 10, 10};

  private ExitSummary() {}

  static void print(Iterable<SiteRuntime> sites, AgentCounters counters, PrintStream out) {
    StringBuilder text = new StringBuilder("perfweave: call sites (whole run)\n");
    int width = 28;
    for (SiteRuntime site : sites) {
      width = Math.max(width, site.name().length());
    }
    text.append(row(width, "site", "calls", "errors", "hits", "coalesced", "retries", "p50", "p95", "p99"));
    for (SiteRuntime site : sites) {
      Histogram latencies = site.latencies();
      text.append(
          row(
              width,
              site.name(),
              Long.toString(latencies.getTotalCount()),
              Long.toString(site.meters().errorCount()),
              Long.toString(site.cacheHits()),
              Long.toString(site.coalesced()),
              Long.toString(site.meters().retryCount()),
              millis(latencies.getValueAtPercentile(50)),
              millis(latencies.getValueAtPercentile(95)),
              millis(latencies.getValueAtPercentile(99))));
    }
    text.append("perfweave: ").append(counters.transformedClasses()).append(" classes transformed, ")
        .append(counters.transformErrors()).append(" transform errors, ")
        .append(Bridge.adviceErrors()).append(" advice errors").append(System.lineSeparator());
    out.print(text);
    out.flush();
  }

  /**
   * The site's name left-aligned in {@code width}, the figures right-aligned in their columns.
   * Padded by hand: {@code String.format} loads its formatter, locale data and regular expressions
   * at the application's exit (a short run's exit went from 64–95 to 40–70 ms with this and the
   * agent's other start-up changes of the same commit series).
   */
  static String row(int width, String... cells) {
    StringBuilder row = new StringBuilder("  ").append(cells[0]);
    row.append(" ".repeat(Math.max(0, width - cells[0].length())));
    for (int i = 1; i < cells.length; i++) {
      row.append(' ').append(" ".repeat(Math.max(0, COLUMNS[i - 1] - cells[i].length()))).append(cells[i]);
    }
    return row.append(System.lineSeparator()).toString();
  }

  /** Nanoseconds as milliseconds with two decimals, rounded half up: "12.35ms". */
  static String millis(long nanos) {
    long hundredths = (nanos + 5_000) / 10_000;
    long fraction = hundredths % 100;
    return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction + "ms";
  }
}
