package io.perfweave.analyzer.rules.cpu;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.SiteRule;
import io.perfweave.analyzer.rules.Threshold;
import io.perfweave.analyzer.rules.Thresholds;
import io.perfweave.contract.Events;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CPU spent inside an RPC site serializing and parsing (JSON, text), not waiting on the wire. */
public final class SerializationInRpcRule extends SiteRule {

  static final Threshold MIN_SHARE =
      new Threshold(
          "cpu.serializationShare",
          0.05,
          "share of CPU spent parsing or writing JSON/text inside RPC sites, before "
              + "serialization-in-rpc reports it");
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
  public List<Threshold> thresholds() {
    return List.of(MIN_SHARE);
  }

  @Override
  protected List<Finding> evaluate(SiteModel site, Model model, Thresholds thresholds) {
    long total = Math.max(1, model.jvm().cpu().value());
    long inside = site.cpuInside().total();
    long serializing =
        site.cpuInside().top(Integer.MAX_VALUE).entrySet().stream()
            .filter(e -> SERIALIZATION.stream().anyMatch(e.getKey()::startsWith))
            .mapToLong(Map.Entry::getValue)
            .sum();
    double share = (double) serializing / total;
    if (serializing < 20 || share < thresholds.get(MIN_SHARE)) {
      return List.of();
    }
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("cpuSamplesInsideSite", inside);
    evidence.put("serializationSamples", serializing);
    evidence.put("shareOfAllCpu", Numbers.share(share));
    evidence.put("topMethodsInside", site.cpuInside().top(5));
    return List.of(
        Finding.of(id(), site.name())
            .score(Scores.exp100(share, 0.05, 0.25))
            .title("Serialization inside " + site.name() + ": " + Numbers.percentText(share) + " of all CPU")
            .evidence(evidence)
            .explanation(serializing + " CPU samples inside calls of " + site.mainTarget()
                + " were in JSON/text encoding and parsing.")
            .saving((long) (share * model.run().durationNanos() / 2), share, "half of that CPU share of the run, if parsing were made twice as cheap")
            .fix("Parse less: reuse one ObjectMapper/reader, read only the fields needed (streaming or"
                + " a typed reader instead of a tree), and cache responses that repeat.")
            .build());
  }

}
