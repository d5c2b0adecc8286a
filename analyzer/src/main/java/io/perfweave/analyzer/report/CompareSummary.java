package io.perfweave.analyzer.report;

import io.perfweave.analyzer.model.Numbers;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code compare} prints: the headline table, then what improved and regressed. */
public final class CompareSummary {

  private CompareSummary() {}

  @SuppressWarnings("unchecked")
  public static void print(Map<String, Object> comparison, PrintStream out) {
    Map<String, Object> pairing = (Map<String, Object>) comparison.get("pairing");
    if (!((String) pairing.get("note")).isEmpty()) {
      out.println((String) pairing.get("note"));
    }
    out.println(String.format(Locale.ROOT, "%-48s %12s %12s %8s %12s", "", "before", "after", "change", "predicted"));
    for (Object item : (List<Object>) comparison.get("headline")) {
      Map<String, Object> row = (Map<String, Object>) item;
      Object predicted = row.get("predicted");
      out.println(String.format(Locale.ROOT, "%-48s %12s %12s %8s %12s",
          row.get("metric"), Numbers.plain(number(row, "before")), Numbers.plain(number(row, "after")),
          Numbers.percentText(number(row, "change")),
          predicted == null ? "" : Numbers.plain((Double) predicted) + (Boolean.TRUE.equals(row.get("offPrediction")) ? " (off)" : ""))
          + (Boolean.FALSE.equals(row.get("judged")) ? "  (too few calls to judge)" : ""));
    }
    list(out, "Improved:", (List<String>) comparison.get("improved"));
    list(out, "Regressed:", (List<String>) comparison.get("regressed"));
  }

  private static double number(Map<String, Object> row, String key) {
    return ((Number) row.get(key)).doubleValue();
  }

  private static void list(PrintStream out, String title, List<String> lines) {
    out.println(title + (lines.isEmpty() ? " nothing" : ""));
    lines.forEach(line -> out.println("  " + line));
  }
}
