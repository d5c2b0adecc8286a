package io.perfweave.analyzer.rules.cpu;

import io.perfweave.analyzer.model.Frames;
import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.model.StackProfile;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Rule;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.Threshold;
import io.perfweave.analyzer.rules.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An application method where a large share of the application's CPU samples land: it is their
 * first application frame, so the library code it calls (JSON, hashing, ...) counts as its own.
 * Shares are of the application's samples; the JVM's own threads (JIT, GC) and the kernel are
 * shown apart, so that a busy compiler does not hide a costly method.
 */
public final class HotMethodRule implements Rule {

  static final Threshold MIN_SHARE =
      new Threshold(
          "cpu.hotMethodShare",
          0.1,
          "share of the application's CPU samples behind one application method, before "
              + "hot-cpu-method reports it");
  static final Threshold MIN_SAMPLES =
      new Threshold(
          "cpu.minSamples",
          50,
          "CPU samples a recording needs before hot-cpu-method looks at it");
  static final Threshold MIN_METHOD_SAMPLES =
      new Threshold(
          "cpu.minMethodSamples",
          50,
          "CPU samples behind one method, before hot-cpu-method reports it");

  @Override
  public String id() {
    return "hot-cpu-method";
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of("jdk.ExecutionSample");
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_SHARE, MIN_SAMPLES, MIN_METHOD_SAMPLES);
  }

  @Override
  public List<Finding> evaluate(Model model, Thresholds thresholds) {
    StackProfile cpu = model.jvm().cpu();
    long samples = cpu.value();
    List<Finding> findings = new ArrayList<>();
    if (samples < thresholds.get(MIN_SAMPLES)) {
      return findings;
    }
    long applicationSamples = Math.max(1, cpu.applicationValue());
    for (Map.Entry<String, Long> entry : cpu.byApplicationFrame().top(3).entrySet()) {
      double share = (double) entry.getValue() / applicationSamples;
      if (share < thresholds.get(MIN_SHARE) || entry.getValue() < thresholds.get(MIN_METHOD_SAMPLES)) {
        continue;
      }
      String method = entry.getKey();
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("method", method);
      evidence.put("samples", entry.getValue());
      evidence.put("applicationSamples", cpu.applicationValue());
      evidence.put("totalSamples", samples);
      evidence.put("share", Numbers.share(share));
      evidence.put("shareOfAllSamples", Numbers.share((double) entry.getValue() / samples));
      evidence.put("jvmThreadsShare", Numbers.share((double) cpu.jvmValue() / samples));
      evidence.put("kernelShare", Numbers.share((double) cpu.kernelValue() / samples));
      evidence.put("perfweaveShare", Numbers.share((double) cpu.perfweaveValue() / samples));
      evidence.put("selfSamples", cpu.self().get(method));
      evidence.put("inside", cpu.insideApplicationFrame(method).top(5));
      long saving = (long) ((double) entry.getValue() / samples * model.run().durationNanos() / 2);
      findings.add(
          Finding.of(id(), method)
              .score(Scores.exp100(share, 0.1, 0.4))
              .title("Hot method " + shortName(method) + ": " + Numbers.percentText(share)
                  + " of the application's CPU samples")
              .evidence(evidence)
              .explanation(entry.getValue() + " of the application's " + cpu.applicationValue() + " CPU samples"
                  + " have " + method + " as their first application frame (it or the library code it"
                  + " calls was running); inside it: " + cpu.insideApplicationFrame(method).top(3).keySet()
                  + ". Apart from the application, the JVM's own threads took "
                  + Numbers.percentText((double) cpu.jvmValue() / samples) + " of all samples, the kernel "
                  + Numbers.percentText((double) cpu.kernelValue() / samples) + " and perfweave's own code "
                  + Numbers.percentText((double) cpu.perfweaveValue() / samples) + ".")
              .saving(saving, share, "half of its share of the run's wall time, if the method could be made twice as fast")
              .fix("Look at " + method + " in the CPU flame graph: do less per call, or move the work"
                  + " off the hot path. If it computes the same result from the same arguments (and"
                  + " they have value equality), cache it as a woven site — in shadow mode first,"
                  + " which counts the hits without serving them, since the recording cannot show that"
                  + " it has no side effects.")
              .config(shadowCache(method), List.of())
              .build());
    }
    return findings;
  }

  /** A woven site caching {@code method} in shadow mode: the config to try, not suggested. */
  private static String shadowCache(String method) {
    String type = Frames.classOf(method);
    return "sites:\n  - name: " + shortName(method) + "\n    match: { type: " + type + ", method: "
        + method.substring(type.length() + 1) + " }\n    idempotent: true   # only if it has no side effects\n"
        + "    cache: { ttl: 10s, mode: shadow }\n";
  }

  static String shortName(String method) {
    String type = Frames.classOf(method);
    return type.substring(type.lastIndexOf('.') + 1) + method.substring(type.length());
  }
}
