package io.perfweave.analyzer;

import io.perfweave.analyzer.model.JvmRun;
import io.perfweave.analyzer.read.BadInputException;
import io.perfweave.analyzer.report.JsonReport;
import io.perfweave.analyzer.summary.FleetEstimate;
import io.perfweave.analyzer.summary.ModelSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code analyze --merge}: summaries of any number of JVMs in, the fleet's summary and estimates out. */
final class FleetMerge {

  private FleetMerge() {}

  static int run(List<Path> inputs, Path out, boolean quiet) throws IOException {
    List<ModelSummary> parts = new ArrayList<>();
    long started = System.nanoTime();
    try {
      for (Path input : inputs) {
        parts.add(ModelSummary.read(input));
      }
    } catch (BadInputException e) {
      System.err.println("perfweave-analyzer: " + e.getMessage());
      return AnalyzerMain.BAD_INPUT;
    }
    ModelSummary merged = ModelSummary.merge(parts);
    merged.write(out.resolve("model.json"));
    List<FleetEstimate.Site> sites = FleetEstimate.of(merged);
    Map<String, Object> fleet = new LinkedHashMap<>();
    fleet.put("summaries", inputs.size());
    fleet.put("jvms", merged.jvms);
    fleet.put("sites", sites);
    JsonReport.write(fleet, out.resolve("fleet.json"));
    if (!quiet) {
      print(merged, sites, inputs.size(), (System.nanoTime() - started) / 1_000_000);
      System.out.println("Fleet: " + out.toAbsolutePath().resolve("fleet.json"));
    }
    return 0;
  }

  private static void print(ModelSummary merged, List<FleetEstimate.Site> sites, int summaries, long millis) {
    long calls = merged.jvms.stream().mapToLong(JvmRun::calls).sum();
    System.out.println(summaries + " summaries, " + merged.jvms.size() + " JVMs, " + calls + " calls, merged in "
        + millis + " ms");
    for (FleetEstimate.Site site : sites) {
      if (!site.config().isEmpty()) {
        System.out.println("  " + site.name() + ": " + site.jvmsCalling() + " JVMs; a cache they share (ttl "
            + site.ttl() + ") would answer " + Math.round(site.answeredByShared() * 100) + "% of its "
            + site.calls() + " calls beyond each JVM's own (sends " + site.sendsWithOwnCaches() + " → "
            + site.sendsWithSharedCache() + ")");
      }
    }
  }
}
