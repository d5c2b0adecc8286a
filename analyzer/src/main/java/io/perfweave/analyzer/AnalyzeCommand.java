package io.perfweave.analyzer;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.plan.Planner;
import io.perfweave.analyzer.plan.Plans;
import io.perfweave.analyzer.read.BadInputException;
import io.perfweave.analyzer.read.ModelLoader;
import io.perfweave.analyzer.report.ConsoleSummary;
import io.perfweave.analyzer.report.HtmlReport;
import io.perfweave.analyzer.report.JsonReport;
import io.perfweave.analyzer.report.SuggestedConfig;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.RuleRunner;
import io.perfweave.analyzer.rules.Severity;
import io.perfweave.analyzer.rules.Thresholds;
import io.perfweave.analyzer.summary.ModelSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code analyze RECORDING_OR_DIR... [-o DIR]}: report.json, report.html, suggested-config.yaml;
 * with {@code --summary-only}, model.json alone; with {@code --merge}, summaries in and the
 * fleet's model.json and fleet.json out. Exit 0, 2 for bad or partly read input (and usage
 * errors), 3 when {@code --fail-on} matched.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = "Analyze recordings (files or directories of .jfr) and write the reports.")
final class AnalyzeCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "RECORDING_OR_DIR", description = "JFR files or directories")
  List<Path> inputs;

  @Option(
      names = {"-o", "--out"},
      defaultValue = "perfweave-analyze",
      paramLabel = "DIR",
      description = "where the reports go (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description = "exit 3 when a finding of this severity or worse exists: critical or warning")
  Severity failOn;

  @Option(names = "--json", description = "print report.json on stdout instead of the summary")
  boolean json;

  @Option(names = {"-q", "--quiet"}, description = "print nothing on stdout")
  boolean quiet;

  @Option(names = "--top", defaultValue = "5", description = "recommendations printed (default 5)")
  int top;

  @Option(
      names = "--threshold",
      paramLabel = "NAME=VALUE",
      description = "overrides a rule threshold (repeatable); docs/analyzer.md lists them")
  Map<String, String> thresholdSettings = Map.of();

  @Option(
      names = "--summary-only",
      description = "write only model.json: a compact summary (counts, histograms, per-key seconds; no"
          + " event) that analyze --merge adds up with other JVMs'")
  boolean summaryOnly;

  @Option(
      names = "--merge",
      description = "the inputs are model.json summaries (or directories holding one): write the"
          + " fleet's model.json and fleet.json (per-JVM rows, per-site shared-cache estimates)")
  boolean merge;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (summaryOnly && merge) {
      throw new ParameterException(spec.commandLine(), "--summary-only and --merge exclude each other");
    }
    Thresholds thresholds;
    try {
      thresholds = Thresholds.parse(thresholdSettings, RuleRunner.thresholds());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (!OutputDirectory.ready(out)) {
      return AnalyzerMain.BAD_INPUT;
    }
    if (merge) {
      return FleetMerge.run(inputs, out, quiet);
    }
    if (!summaryOnly) {
      Thread warmUp = new Thread(JsonReport::warmUp, "perfweave-report-warm-up");
      warmUp.setDaemon(true);
      warmUp.start();
    }
    ModelLoader.Loaded loaded;
    try {
      loaded = ModelLoader.load(inputs, System.err);
    } catch (BadInputException e) {
      System.err.println("perfweave-analyzer: " + e.getMessage());
      return AnalyzerMain.BAD_INPUT;
    }
    Model model = loaded.model();
    RuleRunner.Result rules = RuleRunner.run(model, thresholds);
    Plans plans = Plans.of(model, rules.findings(), thresholds);
    if (summaryOnly) {
      Path summary = out.resolve("model.json");
      ModelSummary.of(model, plans, new Planner(thresholds)).write(summary);
      if (!quiet) {
        System.out.println("Summary: " + summary.toAbsolutePath() + " (" + Files.size(summary) + " bytes)");
      }
      loaded.problems().forEach(p -> System.err.println("perfweave-analyzer: " + p));
      return loaded.problems().isEmpty() ? 0 : AnalyzerMain.BAD_INPUT;
    }
    Map<String, Object> report = JsonReport.build(model, rules, plans);
    JsonReport.write(report, out.resolve("report.json"));
    Files.writeString(out.resolve("report.html"), HtmlReport.render(report, model));
    Files.writeString(out.resolve("suggested-config.yaml"), SuggestedConfig.render(model, plans));
    if (json) {
      System.out.println(JsonReport.toJson(report));
    } else if (!quiet) {
      ConsoleSummary.print(model, plans.findings(), top, System.out);
      System.out.println("Report: " + out.toAbsolutePath().resolve("report.html"));
    }
    loaded.problems().forEach(p -> System.err.println("perfweave-analyzer: " + p));
    if (!loaded.problems().isEmpty()) {
      return AnalyzerMain.BAD_INPUT;
    }
    return failing(plans.findings()) ? AnalyzerMain.FAILED_CHECK : 0;
  }

  /** Whether a finding is as severe as {@code --fail-on} asks, or more (CRITICAL is the most). */
  private boolean failing(List<Finding> findings) {
    if (failOn == null) {
      return false;
    }
    long matching = findings.stream().filter(f -> f.severity().compareTo(failOn) <= 0).count();
    if (matching > 0) {
      System.err.println("perfweave-analyzer: --fail-on " + failOn.name().toLowerCase(Locale.ROOT) + ": "
          + matching + " finding(s) at that severity or worse");
    }
    return matching > 0;
  }

}
