package io.perfweave.analyzer.rules.latency;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.rules.CpuShare;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Rule;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Connections opened on the hot path: CPU samples in TCP connect and TLS handshakes, by the code
 * that made the connection. A pooled, kept-alive client pays this once per connection, not once
 * per call.
 */
public final class ConnectionSetupRule implements Rule {

  static final String MIN_SAMPLES = "connection.minSamples";
  static final String MIN_SHARE = "connection.minShare";

  @Override
  public String id() {
    return "connection-setup";
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of("jdk.ExecutionSample");
  }

  @Override
  public List<Finding> evaluate(Model model, Thresholds thresholds) {
    List<Finding> findings = new ArrayList<>();
    for (CpuShare connect :
        CpuShare.significant(
            model.jvm().connectionSetup(), model, 3, thresholds.get(MIN_SAMPLES, 10),
            thresholds.get(MIN_SHARE, 0.01))) {
      Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("caller", connect.what());
      evidence.put("cpuSamplesOpeningConnections", connect.samples());
      evidence.put("shareOfCpu", connect.roundedShare());
      findings.add(
          new Finding(
              id(),
              Scores.exp100(connect.share(), 0.01, 0.1),
              connect.what(),
              "Connections opened on the hot path in " + connect.what() + " (" + Scores.percent(connect.share()) + " of CPU)",
              evidence,
              connect.samples() + " CPU samples were in TCP connect or TLS handshakes under " + connect.what()
                  + ": calls are opening new connections instead of reusing them.",
              connect.savingNanos(model),
              connect.share(),
              "its whole CPU share: a reused connection is opened once",
              "Reuse connections: one shared client with a connection pool and keep-alive (no"
                  + " 'Connection: close', no client per call), with a keep-alive timeout longer than"
                  + " the gap between calls.",
              "",
              List.of()));
    }
    return findings;
  }
}
