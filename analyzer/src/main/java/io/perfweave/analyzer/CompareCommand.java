package io.perfweave.analyzer;

import io.perfweave.analyzer.read.BadInputException;
import io.perfweave.analyzer.read.ModelLoader;
import io.perfweave.analyzer.report.CompareHtml;
import io.perfweave.analyzer.report.CompareSummary;
import io.perfweave.analyzer.report.Comparison;
import io.perfweave.analyzer.report.JsonReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code compare BEFORE AFTER [-o DIR]}: compare.json and compare.html. Exit 0, 2 for bad input
 * (and usage errors), 3 when {@code --fail-on-regression} found a site that got worse.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "Compare two runs (each a recording or a directory of recordings).")
final class CompareCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "BEFORE")
  Path before;

  @Parameters(index = "1", paramLabel = "AFTER")
  Path after;

  @Option(
      names = {"-o", "--out"},
      defaultValue = "perfweave-compare",
      paramLabel = "DIR",
      description = "where compare.html and compare.json go (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(
      names = "--fail-on-regression",
      paramLabel = "PCT",
      description = "exit 3 when a paired site's RPCs sent, errors or p95 got worse by more than PCT percent")
  Double failOnRegression;

  @Option(names = "--json", description = "print compare.json on stdout instead of the summary")
  boolean json;

  @Option(names = {"-q", "--quiet"}, description = "print nothing on stdout")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    if (!OutputDirectory.ready(out)) {
      return AnalyzerMain.BAD_INPUT;
    }
    ModelLoader.Loaded old;
    ModelLoader.Loaded now;
    try {
      old = ModelLoader.load(List.of(before), System.err);
      now = ModelLoader.load(List.of(after), System.err);
    } catch (BadInputException e) {
      System.err.println("perfweave-analyzer: " + e.getMessage());
      return AnalyzerMain.BAD_INPUT;
    }
    Map<String, Object> comparison = Comparison.build(old.model(), now.model());
    JsonReport.write(comparison, out.resolve("compare.json"));
    Files.writeString(out.resolve("compare.html"), CompareHtml.render(comparison, old.model(), now.model()));
    if (json) {
      System.out.println(JsonReport.toJson(comparison));
    } else if (!quiet) {
      CompareSummary.print(comparison, System.out);
      System.out.println("Comparison: " + out.toAbsolutePath().resolve("compare.html"));
    }
    old.problems().forEach(p -> System.err.println("perfweave-analyzer: " + p));
    now.problems().forEach(p -> System.err.println("perfweave-analyzer: " + p));
    if (!old.problems().isEmpty() || !now.problems().isEmpty()) {
      return AnalyzerMain.BAD_INPUT;
    }
    if (failOnRegression == null) {
      return 0;
    }
    List<String> worse = Comparison.regressionsBeyond(comparison, failOnRegression / 100);
    worse.forEach(line -> System.err.println("perfweave-analyzer: --fail-on-regression: " + line));
    return worse.isEmpty() ? 0 : AnalyzerMain.FAILED_CHECK;
  }
}
