package io.perfweave.instrumentation.runtime;

import io.perfweave.bridge.Bridge;
import java.io.PrintStream;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The short plain-text report printed on stderr at exit: one line per site, then agent health. */
final class ExitSummary {

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
    text.append(
        String.format(
            Locale.ROOT,
            "perfweave: %d classes transformed, %d transform errors, %d advice errors%n",
            counters.transformedClasses(),
            counters.transformErrors(),
            Bridge.adviceErrors()));
    out.print(text);
    out.flush();
  }

  private static String row(int width, String... cells) {
    return String.format(
        Locale.ROOT, "  %-" + width + "s %9s %7s %7s %9s %7s %10s %10s %10s%n", (Object[]) cells);
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.2fms", nanos / 1e6);
  }
}
