package io.perfweave.analyzer.rules.latency;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.rules.CpuShare;
import io.perfweave.analyzer.rules.CpuShareRule;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.Threshold;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Connections opened on the hot path: CPU samples in TCP connect and TLS handshakes, by the code
 * that made the connection. A pooled, kept-alive client pays this once per connection, not once
 * per call.
 */
public final class ConnectionSetupRule extends CpuShareRule {

  static final Threshold MIN_SAMPLES =
      new Threshold(
          "connection.minSamples",
          10,
          "CPU samples in TCP connect and TLS handshakes, before connection-setup reports"
              + " them");
  static final Threshold MIN_SHARE =
      new Threshold(
          "connection.minShare",
          0.01,
          "share of CPU in TCP connect and TLS handshakes, before connection-setup "
              + "reports it");

  public ConnectionSetupRule() {
    super(model -> model.jvm().connectionSetup(), 3, MIN_SAMPLES, MIN_SHARE);
  }

  @Override
  public String id() {
    return "connection-setup";
  }


  @Override
  protected Finding finding(CpuShare connect, Model model) {
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("caller", connect.what());
    evidence.put("cpuSamplesOpeningConnections", connect.samples());
    evidence.put("shareOfCpu", Numbers.share(connect.share()));
    return Finding.of(id(), connect.what())
        .score(Scores.exp100(connect.share(), 0.01, 0.1))
        .title("Connections opened on the hot path in " + connect.what() + " (" + Numbers.percentText(connect.share()) + " of CPU)")
        .evidence(evidence)
        .explanation(connect.samples() + " CPU samples were in TCP connect or TLS handshakes under " + connect.what()
            + ": calls are opening new connections instead of reusing them.")
        .saving(connect.savingNanos(model), connect.share(), "its whole CPU share: a reused connection is opened once")
        .fix("Reuse connections: one shared client with a connection pool and keep-alive (no"
            + " 'Connection: close', no client per call), with a keep-alive timeout longer than"
            + " the gap between calls.")
        .build();
  }

}
