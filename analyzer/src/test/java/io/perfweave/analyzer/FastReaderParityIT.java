package io.perfweave.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The positional reader of {@code perfweave.RpcCall} changes nothing the analyzer says: the
 * same report.json, field by field, from it and from the JDK consumer API
 * ({@code -Dperfweave.analyzer.reader=consumer}) on the same files — the planted workload, a
 * third-party client (web3j against a jsonrpc4j node) whose recording has both event types (the
 * built-in HTTP sites with stack traces, a woven site without) and per-second counts beyond the
 * event budget, and a recording of the agent's first contract.
 */
class FastReaderParityIT {

  private static final Path PLANTED_CONFIG = ForkedJvm.TESTBED.resolve("../planted-perfweave.yaml");

  @TempDir Path work;

  @Test
  void plantedWorkload_sameReport() throws Exception {
    Path config = Files.writeString(work.resolve("planted.yaml"),
        "output: planted\n" + Files.readString(PLANTED_CONFIG).replaceAll("(?m)^output: .*\\n", ""));
    ForkedJvm.Result run = new ForkedJvm(Jdks.current()).withAgent("config=" + config)
        .main("com.example.planted.PlantedApp").args("planted").run(work);
    assertEquals(0, run.exitCode(), run.stderr());
    assertSameReport(work.resolve("planted"));
    assertSameFilesFromTwoJvms(work.resolve("planted"));
  }

  @Test
  void web3jWithBothEventTypesAndSiteStats_sameReport() throws Exception {
    Path config = Files.writeString(work.resolve("web3j.yaml"), "output: web3j\n"
        + "profiling: { asyncProfiler: { enabled: false }, jfr: { callEventsPerSecond: 20 } }\n"
        + "sites:\n  - name: perform-io\n    match: { type: org.web3j.protocol.http.HttpService, method: performIO }\n"
        + "    stackTrace: false\n");
    try (EthNode node = new EthNode(0.05, 1, 1000)) {
      ForkedJvm.Result run = new ForkedJvm(Jdks.current()).withAgent("config=" + config).libraries("web3j")
          .main("com.example.web3.ChainReader").args(node.port(), 3, 2).run(work);
      assertEquals(0, run.exitCode(), run.stderr());
    }
    long rpcCallTypes = 0;
    try (var files = Files.list(work.resolve("web3j"))) {
      for (Path file : files.toList()) {
        try (jdk.jfr.consumer.RecordingFile recording = new jdk.jfr.consumer.RecordingFile(file)) {
          rpcCallTypes = Math.max(rpcCallTypes,
              recording.readEventTypes().stream().filter(t -> t.getName().equals("perfweave.RpcCall")).count());
        }
      }
    }
    assertEquals(2, rpcCallTypes, "perfweave.RpcCall with and without a stack trace");
    JsonNode report = assertSameReport(work.resolve("web3j"));
    assertTrue(report.path("sites").findValuesAsText("name").contains("perform-io"), report.path("sites").toString());
    assertTrue(report.path("sites").toString().contains("perfweave.SiteStats"), "calls beyond the budget were counted");
  }

  /**
   * A recording of many chunks, calls and CPU samples in each: the positional reader counts each
   * chunk's samples with its calls, the consumer path in a pass over the whole file.
   */
  @Test
  void recordingOfManyChunks_sameReportAndSamples() throws Exception {
    Path config = Files.writeString(work.resolve("chunks.yaml"), "output: chunks\n"
        + "profiling: { asyncProfiler: { enabled: false }, jfr: { maxSize: 24MB, callEventsPerSecond: 0 } }\n"
        + "sites:\n  - name: balance-read\n    match: { type: com.example.testbed.NodeClient, method: getBalance }\n");
    ForkedJvm.Result run = new ForkedJvm(Jdks.current()).withAgent("config=" + config)
        .main("com.example.testbed.HotApp").args(1000, 300_000, 3000).run(work);
    assertEquals(0, run.exitCode(), run.stderr());
    List<Path> recordings;
    try (var files = Files.list(work.resolve("chunks"))) {
      recordings = files.filter(f -> f.toString().endsWith(".jfr")).toList();
    }
    assertEquals(1, recordings.size(), recordings.toString());
    assertTrue(chunks(recordings.get(0)) > 2, "chunks: " + chunks(recordings.get(0)));

    JsonNode report = assertSameReport(work.resolve("chunks"));
    assertTrue(report.path("hotMethods").path("cpuSamples").asLong() > 0, report.path("hotMethods").toString());
    assertTrue(report.path("hotMethods").path("self").has("com.example.testbed.Crunch.burn"),
        report.path("hotMethods").toString());
  }

  /** The chunks of a recording, by the size each chunk's header gives. */
  private static int chunks(Path recording) throws java.io.IOException {
    byte[] bytes = Files.readAllBytes(recording);
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
    int chunks = 0;
    for (long position = 0; position + 16 <= bytes.length; chunks++) {
      long size = buffer.getLong((int) position + 8);
      if (buffer.getInt((int) position) != 0x464c5200 || size <= 0) {
        break;
      }
      position += size;
    }
    return chunks;
  }

  @Test
  void agent01Recording_sameReport() throws Exception {
    assertSameReport(Path.of(getClass().getResource("/recordings/agent-0.1.jfr").toURI()));
  }

  private JsonNode assertSameReport(Path input) throws Exception {
    // positional only: a chunk it could not read would fail here, not fall back to the consumer API
    JsonNode fast = analyze(input, List.of("-Dperfweave.analyzer.reader=positional"), "fast");
    JsonNode consumer = analyze(input, List.of("-Dperfweave.analyzer.reader=consumer"), "consumer");
    List<String> differences = new ArrayList<>();
    differences("", fast, consumer, differences);
    assertEquals(List.of(), differences, "report.json from the two readers");
    assertTrue(fast.path("summary").path("calls").asLong() > 0, fast.path("summary").toString());
    return fast;
  }

  /**
   * Two analyses of the same recording, each in a JVM of its own, write the same bytes ({@code
   * Map.of}'s order changes from one JVM to the next, and evidence was written in it).
   */
  private void assertSameFilesFromTwoJvms(Path input) throws Exception {
    analyze(input, List.of(), "first");
    analyze(input, List.of(), "second");
    for (String file : List.of("report.json", "report.html", "suggested-config.yaml")) {
      Path first = work.resolve("first-" + input.getFileName()).resolve(file);
      Path second = work.resolve("second-" + input.getFileName()).resolve(file);
      assertEquals(-1L, Files.mismatch(first, second), file + " differs between two analyses of the same recording");
    }
  }

  private JsonNode analyze(Path input, List<String> options, String name) throws Exception {
    Path out = work.resolve(name + "-" + input.getFileName());
    AnalyzerRun run = AnalyzerRun.withOptions(options, "analyze", input.toString(), "--out", out.toString());
    assertEquals(0, run.exitCode(), run.stderr());
    assertTrue(run.stderr().isEmpty() || !run.stderr().contains("cannot read"), run.stderr());
    return AnalyzerRun.report(out);
  }

  /** The paths where two JSON trees differ (an object's fields in any order), at most 20. */
  private static void differences(String path, JsonNode a, JsonNode b, List<String> out) {
    if (out.size() >= 20 || a.equals(b)) {
      return;
    }
    if (a.isObject() && b.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = a.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        differences(path + "." + field.getKey(), field.getValue(), b.path(field.getKey()), out);
      }
      b.fieldNames().forEachRemaining(name -> {
        if (!a.has(name)) {
          out.add(path + "." + name + ": only from the consumer API");
        }
      });
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        differences(path + "[" + i + "]", a.get(i), b.get(i), out);
      }
    } else {
      out.add(path + ": " + a + " (positional) vs " + b + " (consumer API)");
    }
  }
}
