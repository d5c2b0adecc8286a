package io.perfweave.analyzer.report;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.rules.Finding;
import java.io.PrintStream;
import java.util.List;

/** The top recommendations on stdout. */
public final class ConsoleSummary {

  private ConsoleSummary() {}

  public static void print(Model model, List<Finding> findings, int top, PrintStream out) {
    long calls = model.sites().values().stream().mapToLong(s -> s.calls()).sum();
    out.printf(
        "perfweave-analyzer: %d recording(s), %.1f s, %d sites, %d calls%s%n",
        model.run().files().size(),
        model.run().durationNanos() / 1e9,
        model.sites().size(),
        calls,
        model.run().partial() ? " (PARTIAL: some input could not be read)" : "");
    if (findings.isEmpty()) {
      out.println("No recommendations: nothing in these recordings crosses a rule's threshold.");
      return;
    }
    out.println("Top recommendations:");
    int rank = 1;
    for (Finding finding : findings.subList(0, Math.min(top, findings.size()))) {
      String saving = finding.savingNanos() > 0
          ? " — saves ~" + Numbers.millisText(finding.savingNanos()) + " (" + Numbers.percentText(finding.savingShare()) + ")"
          : "";
      out.printf("%2d. [%s] %s%s%n", rank++, finding.severity(), finding.title(), saving);
    }
  }
}
