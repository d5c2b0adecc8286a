package io.perfweave.analyzer.rules.cpu;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Rule;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.Thresholds;
import io.perfweave.contract.Events;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CPU spent inside an RPC site serializing and parsing (JSON, text), not waiting on the wire. */
public final class SerializationInRpcRule implements Rule {

  static final String MIN_SHARE = "cpu.serializationShare";
  private static final List<String> SERIALIZATION =
      List.of("com.fasterxml.jackson.", "com.google.gson.", "org.json.", "java.lang.String", "java.lang.StringBuilder",
          "java.nio.charset.", "sun.nio.cs.", "java.util.regex.");

  @Override
  public String id() {
    return "serialization-in-rpc";
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of("jdk.ExecutionSample", Events.RPC_CALL);
  }

  @Override
  public List<Finding> evaluate(Model model, Thresholds thresholds) {
    long total = Math.max(1, model.jvm().cpu().value());
    List<Finding> findings = new ArrayList<>();
    for (SiteModel site : model.sites().values()) {
      long inside = site.cpuInside().total();
      long serializing =
          site.cpuInside().top(Integer.MAX_VALUE).entrySet().stream()
              .filter(e -> SERIALIZATION.stream().anyMatch(e.getKey()::startsWith))
              .mapToLong(Map.Entry::getValue)
              .sum();
      double share = (double) serializing / total;
      if (serializing < 20 || share < thresholds.get(MIN_SHARE, 0.05)) {
        continue;
      }
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("cpuSamplesInsideSite", inside);
      evidence.put("serializationSamples", serializing);
      evidence.put("shareOfAllCpu", Math.round(share * 1000) / 1000.0);
      evidence.put("topMethodsInside", site.cpuInside().top(5));
      findings.add(
          new Finding(
              id(),
              Scores.exp100(share, 0.05, 0.25),
              site.name(),
              "Serialization inside " + site.name() + ": " + Scores.percent(share) + " of all CPU",
              evidence,
              serializing + " CPU samples inside calls of " + site.mainTarget()
                  + " were in JSON/text encoding and parsing.",
              (long) (share * model.run().durationNanos() / 2),
              share,
              "half of that CPU share of the run, if parsing were made twice as cheap",
              "Parse less: reuse one ObjectMapper/reader, read only the fields needed (streaming or"
                  + " a typed reader instead of a tree), and cache responses that repeat.",
              "",
              List.of()));
    }
    return findings;
  }
}
