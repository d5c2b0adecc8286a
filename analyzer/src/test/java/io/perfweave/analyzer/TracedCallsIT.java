package io.perfweave.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import io.perfweave.testing.JsonRpcServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run beside the OpenTelemetry agent: the report names the trace and span of each site's
 * slowest call, so the call can be found in the tracing backend.
 */
final class TracedCallsIT {

  private static final Path OTEL_AGENT = Path.of(System.getProperty("perfweave.otelAgentJar"));

  @TempDir Path work;

  @Test
  void report_namesTheTraceOfTheSlowestCall() throws Exception {
    Path config = Files.writeString(work.resolve("perfweave.yaml"),
        "output: recording\nprofiling:\n  asyncProfiler: { enabled: false }\n");
    ForkedJvm.Result app;
    try (JsonRpcServer node = new JsonRpcServer(Map.of())) {
      app = new ForkedJvm(Jdks.current()).withAgent("config=" + config)
          .option("-javaagent:" + OTEL_AGENT)
          .option("-Dotel.traces.exporter=none")
          .option("-Dotel.metrics.exporter=none")
          .option("-Dotel.logs.exporter=none")
          .libraries("otel-api")
          .main("com.example.http.TracedApp").args(node.port())
          .run(work);
    }
    assertEquals(0, app.exitCode(), app.stderr());
    String[] span = app.stdout().strip().split(" ");

    AnalyzerRun run = AnalyzerRun.of("analyze", work.resolve("recording").toString(), "-o", work.resolve("report").toString());
    assertEquals(0, run.exitCode(), run.stderr());
    JsonNode site = AnalyzerRun.report(work.resolve("report")).path("sites").get(0);
    JsonNode traced = site.path("slowestTracedCall");
    assertEquals(span[1], traced.path("traceId").asText(), site.toString());
    assertEquals(span[2], traced.path("spanId").asText());
    assertTrue(traced.path("durationMs").asDouble() > 0);
    assertTrue(Files.readString(work.resolve("report/report.html")).contains(span[1]),
        "the data the page draws from holds the trace id");
  }
}
