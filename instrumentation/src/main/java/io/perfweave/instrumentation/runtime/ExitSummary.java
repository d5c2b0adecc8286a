package io.perfweave.instrumentation.runtime;

import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.perfweave.instrumentation.bridge.Bridge;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The short plain-text report printed on stderr at exit: one line per site, then agent health. */
final class ExitSummary {

  private ExitSummary() {}

  static void print(SiteRuntime[] sites, AgentCounters counters, PrintStream out) {
    StringBuilder text = new StringBuilder("perfweave: call sites (whole run)\n");
    text.append(row("site", "calls", "errors", "hits", "coalesced", "retries", "p50", "p95", "p99"));
    for (SiteRuntime site : sites) {
      HistogramSnapshot snapshot = site.meters().timer().takeSnapshot();
      ValueAtPercentile[] percentiles = snapshot.percentileValues();
      text.append(
          row(
              site.name(),
              Long.toString(snapshot.count()),
              Long.toString(site.meters().errorCount()),
              Long.toString(site.meters().cacheHitCount()),
              Long.toString(site.meters().coalescedCount()),
              Long.toString(site.meters().retryCount()),
              millis(percentiles, 0),
              millis(percentiles, 1),
              millis(percentiles, 2)));
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

  private static String row(String... cells) {
    return String.format(
        Locale.ROOT, "  %-28s %9s %7s %7s %9s %7s %10s %10s %10s%n", (Object[]) cells);
  }

  private static String millis(ValueAtPercentile[] percentiles, int index) {
    if (index >= percentiles.length) {
      return "-";
    }
    return String.format(
        Locale.ROOT, "%.2fms", percentiles[index].value(TimeUnit.NANOSECONDS) / 1e6);
  }
}
