package io.perfweave.analyzer.rules.recording;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.model.RunFacts;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Rule;
import io.perfweave.analyzer.rules.Threshold;
import io.perfweave.analyzer.rules.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How far to trust the report: too few samples, lost events, a timer-based CPU engine, missing
 * DebugNonSafepoints, damaged input, errors inside the agent.
 */
public final class RecordingQualityRule implements Rule {

  static final Threshold MIN_SAMPLES =
      new Threshold(
          "recording.minCpuSamples",
          1000,
          "CPU samples below which recording-quality says the CPU findings are weak");

  @Override
  public String id() {
    return "recording-quality";
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of();
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_SAMPLES);
  }

  @Override
  public List<Finding> evaluate(Model model, Thresholds thresholds) {
    RunFacts run = model.run();
    List<Finding> findings = new ArrayList<>();
    long samples = model.jvm().cpu().value();
    if (samples < thresholds.get(MIN_SAMPLES)) {
      findings.add(
          finding(
              40,
              "Few CPU samples: " + samples,
              Map.of("cpuSamples", samples, "sampleSource", run.sampleSource()),
              "CPU findings rest on " + samples + " samples; shares below a few percent are noise.",
              "Record longer, or sample more often (profiling.asyncProfiler.interval)."));
    }
    if (run.lostBytes() > 0) {
      findings.add(
          finding(
              60,
              "The recording lost " + run.lostBytes() + " bytes of events",
              Map.of("lostBytes", run.lostBytes()),
              "JFR dropped events (jdk.DataLoss): counts are lower bounds.",
              "Record fewer events (stackTrace: false on hot sites) or give JFR more buffer."));
    }
    if (!run.cpuEngine().isEmpty() && !run.cpuEngine().equals("perf_events")) {
      findings.add(
          finding(
              10,
              "CPU sampled with the " + run.cpuEngine() + " engine, not perf events",
              Map.of("cpuEngine", run.cpuEngine()),
              "Timer-based sampling sees no kernel frames; time in system calls is attributed to the"
                  + " Java frame that made them.",
              "Allow perf events (kernel.perf_event_paranoid ≤ 1, or the container's seccomp profile)."));
    }
    if (Boolean.FALSE.equals(run.debugNonSafepoints())) {
      findings.add(
          finding(
              10,
              "DebugNonSafepoints is off",
              Map.of("DebugNonSafepoints", false),
              "Without it, inlined methods are attributed to their callers in JFR's own samples.",
              "Add -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints to the JVM options."));
    }
    if (run.partial()) {
      findings.add(
          finding(
              50,
              "Some input was damaged or unreadable: this report is partial",
              Map.of("files", run.files()),
              "The numbers cover what could be read.",
              "Make sure the application exits normally so that recordings are complete."));
    }
    long unrecorded = model.sites().values().stream().mapToLong(SiteModel::unrecordedCalls).sum();
    if (unrecorded > 0) {
      long calls = model.sites().values().stream().mapToLong(SiteModel::calls).sum();
      List<String> sampled = model.sites().values().stream()
          .filter(s -> s.unrecordedCalls() > 0).map(SiteModel::name).toList();
      findings.add(
          finding(
              5,
              "Calls beyond the event budget were counted, not recorded one by one: "
                  + Numbers.percentText((double) unrecorded / Math.max(1, calls)) + " of the calls",
              Map.of("unrecordedCalls", unrecorded, "calls", calls, "sites", sampled),
              "Sites called more than profiling.jfr.callEventsPerSecond times a second (failures, retries"
                  + " and calls of 20 ms or more always have their event): their calls, outcomes and"
                  + " latencies are exact (perfweave.SiteStats); repeats, fan-out and the what-if replay"
                  + " read the calls recorded one by one.",
              "For a full per-call record of a short run, set profiling.jfr.callEventsPerSecond: 0"
                  + " (each event costs ~140 ns, and its stack trace more)."));
    }
    if (run.lostCpuSamples() > 0) {
      long taken = model.jvm().cpu().value();
      findings.add(
          finding(
              run.lostCpuSamples() > taken / 10 ? 40 : 10,
              "The JVM lost " + run.lostCpuSamples() + " CPU-time samples (" + taken + " taken)",
              Map.of("lostCpuSamples", run.lostCpuSamples(), "cpuSamples", taken),
              "jdk.CPUTimeSamplesLost: the JVM's sample queue was full; the CPU shares stand, the"
                  + " CPU time they stand for is a lower bound.",
              "Sample less often (jdk.CPUTimeSample#throttle, say 10ms), or record fewer threads."));
    }
    List<String> traced = model.sites().values().stream().filter(SiteModel::tracedByJdkOnly).map(SiteModel::name).toList();
    if (!traced.isEmpty()) {
      findings.add(
          finding(
              5,
              traced.size() + (traced.size() == 1 ? " site comes" : " sites come") + " from JDK method traces alone",
              Map.of("sites", traced),
              "jdk.MethodTrace records a traced method's time, thread and caller, not its arguments,"
                  + " result or exception: their latency, callers, fan-out and tail findings hold; repeated"
                  + " reads, stale data, errors, retries and the what-if replay need perfweave's events.",
              "Attach perfweave with a site for each such method (Type#method in sites:) to see keys and outcomes."));
    }
    if (run.adviceErrors() + run.transformErrors() > 0) {
      findings.add(
          finding(
              50,
              "The agent reported internal errors",
              Map.of("adviceErrors", run.adviceErrors(), "transformErrors", run.transformErrors()),
              "Some calls may not have been recorded; the agent's stderr names the first error.",
              "Report the first error line to perfweave."));
    }
    return findings;
  }

  private Finding finding(int score, String title, Map<String, Object> evidence, String explanation, String fix) {
    return Finding.of(id(), "recording")
        .score(score)
        .title(title)
        .evidence(evidence)
        .explanation(explanation)
        .saving(0, 0, "not a saving: a limit on what this report can tell")
        .fix(fix)
        .build();
  }
}
