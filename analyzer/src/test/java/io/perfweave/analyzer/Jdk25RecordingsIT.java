package io.perfweave.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recordings a team makes with JDK 25 alone, no perfweave agent attached, read by the analyzer
 * (which runs on the build's JDK): {@code method-trace} on a third-party HTTP client's method
 * (web3j against a jsonrpc4j node), {@code method-timing} across several chunks, CPU-time
 * sampling (JEP 509) on a CPU-heavy workload; and async-profiler's {@code trace=}, which writes
 * the same event type.
 */
class Jdk25RecordingsIT {

  private static final String PERFORM_IO = "org.web3j.protocol.http.HttpService";
  private static final Pattern READS = Pattern.compile("reads=(\\d+) wrong=0 failed=0");

  @TempDir Path work;

  @Test
  void methodTraceOfAnHttpClientMethod_isASiteWithItsLatencyAndCallers() throws Exception {
    Path recording = work.resolve("trace.jfr");
    long reads;
    try (EthNode node = new EthNode(0, 2, 1000)) {
      ForkedJvm.Result run = new ForkedJvm(Jdks.atLeast(25)).libraries("web3j")
          .option("-XX:StartFlightRecording:method-trace=" + PERFORM_IO + "::performIO,filename=" + recording)
          .main("com.example.web3.ChainReader").args(node.port(), 3, 20).run(work);
      Matcher matcher = READS.matcher(run.stdout());
      assertTrue(matcher.find(), run.stdout() + run.stderr());
      reads = Long.parseLong(matcher.group(1));
    }
    JsonNode report = analyze(recording, "trace-report");

    JsonNode site = site(report, PERFORM_IO + "#performIO");
    assertEquals(reads, site.path("calls").asLong(), "one traced call per read the application made");
    assertEquals("[\"jdk.MethodTrace\"]", site.path("sources").toString());
    assertTrue(site.path("latencyMs").path("p50").asDouble() >= 2, "the node answers in 2 ms: " + site.path("latencyMs"));
    assertTrue(site.path("callers").toString().contains("com.example.web3.ChainReader.main"), site.path("callers").toString());
    assertTrue(report.path("quality").path("notes").toString().contains("from JDK method traces alone"),
        report.path("quality").toString());
    for (JsonNode r : report.path("recommendations")) {
      assertFalse(r.path("rule").asText().equals("repeated-reads") && r.path("subject").asText().equals(site.path("name").asText()),
          "a method trace has no arguments: no repeated-reads finding can rest on it");
    }
  }

  @Test
  void methodTimingAcrossChunks_countsEachCallOnce() throws Exception {
    Path recording = work.resolve("timing.jfr");
    int calls = 300_000;
    String method = "com.example.testbed.NodeClient::getBalance";
    // method-trace fills 1 MB chunks (an event per call), so the cumulative counters are emitted at several chunk ends
    ForkedJvm.Result run = new ForkedJvm(Jdks.atLeast(25))
        .option("-XX:FlightRecorderOptions:maxchunksize=1M")
        .option("-XX:StartFlightRecording:method-timing=" + method + ",method-trace=" + method + ",filename=" + recording)
        .main("com.example.testbed.HotApp").args(50, calls).run(work);
    assertTrue(run.stdout().contains("calls " + calls), run.stdout() + run.stderr());
    assertTrue(events(recording, "jdk.MethodTiming").size() >= 2, "emitted at more than one chunk end");

    JsonNode report = analyze(recording, "timing-report");
    JsonNode timing = report.path("methodTimings").get(0);
    assertEquals("com.example.testbed.NodeClient#getBalance", timing.path("method").asText());
    assertEquals(calls, timing.path("invocations").asLong(), "the latest cumulative emission, not their sum: " + timing);
    assertTrue(timing.path("emissions").asInt() >= 2, timing.toString());
    assertEquals(calls, timing.path("siteCalls").asLong(), "the traced site's calls agree: " + timing);
  }

  @Test
  void cpuTimeSamples_areTheCpuProfile_andLostOnesAreReported() throws Exception {
    Path recording = work.resolve("cpu.jfr");
    ForkedJvm.Result run = new ForkedJvm(Jdks.atLeast(25))
        .option("-XX:StartFlightRecording:jdk.CPUTimeSample#enabled=true,jdk.CPUTimeSample#throttle=10ms,filename=" + recording)
        .main("com.example.testbed.HotApp").args(1500, 100).run(work);
    assertEquals(0, run.exitCode(), run.stderr());
    long cpuTimeSamples = events(recording, "jdk.CPUTimeSample").size();
    assertTrue(cpuTimeSamples > 0 && !events(recording, "jdk.ExecutionSample").isEmpty(), "both kinds recorded");

    JsonNode report = analyze(recording, "cpu-report");
    assertEquals("jdk.CPUTimeSample", report.path("run").path("cpuSampleEvent").asText());
    assertEquals(cpuTimeSamples, report.path("hotMethods").path("cpuSamples").asLong(), "CPU-time samples only, none counted twice");
    assertTrue(report.path("hotMethods").path("byApplicationFrame").has("com.example.testbed.Crunch.burn"),
        report.path("hotMethods").toString());
    long lost = events(recording, "jdk.CPUTimeSamplesLost").stream().mapToLong(e -> e.getInt("lostSamples")).sum();
    assertEquals(lost, report.path("run").path("lostCpuSamples").asLong());
    assertEquals(lost > 0, report.path("quality").path("notes").toString().contains("lost " + lost + " CPU-time samples"),
        report.path("quality").toString());
  }

  @Test
  void asyncProfilersTrace_isReadAsTheJdksMethodTrace() throws Exception {
    Path recording = work.resolve("async.jfr");
    int calls = 1000;
    ForkedJvm.Result run = new ForkedJvm(Jdks.current())
        .option("-agentpath:" + asyncProfilerLibrary() + "=start,event=cpu,jfr,file=" + recording
            + ",trace=com.example.testbed.NodeClient.getBalance")
        .main("com.example.testbed.HotApp").args(100, calls).run(work);
    assertTrue(run.stdout().contains("calls " + calls), run.stdout() + run.stderr());

    JsonNode report = analyze(recording, "async-report");
    // async-profiler's event leaves its method field empty; the stack starts in the traced method
    JsonNode site = site(report, "com.example.testbed.NodeClient#getBalance");
    assertEquals(calls, site.path("calls").asLong());
    assertEquals("[\"jdk.MethodTrace\"]", site.path("sources").toString());
    assertTrue(site.path("callers").has("com.example.testbed.HotApp.main:17"), site.path("callers").toString());
  }

  /** async-profiler's Linux library, from the copy of its jar the agent jar carries. */
  private Path asyncProfilerLibrary() throws Exception {
    Path library = work.resolve("libasyncProfiler.so");
    try (java.util.zip.ZipFile agent = new java.util.zip.ZipFile(ForkedJvm.AGENT_JAR.toFile());
        java.util.zip.ZipInputStream bundled = new java.util.zip.ZipInputStream(
            agent.getInputStream(agent.getEntry("META-INF/perfweave/async-profiler.jar")))) {
      for (java.util.zip.ZipEntry entry; (entry = bundled.getNextEntry()) != null; ) {
        if (entry.getName().equals("linux-x64/libasyncProfiler.so")) {
          java.nio.file.Files.copy(bundled, library);
          return library;
        }
      }
    }
    throw new AssertionError("no linux-x64 library in the agent's async-profiler jar");
  }

  private JsonNode analyze(Path recording, String out) throws Exception {
    AnalyzerRun analyze = AnalyzerRun.of("analyze", recording.toString(), "--out", work.resolve(out).toString());
    assertEquals(0, analyze.exitCode(), analyze.stderr());
    return AnalyzerRun.report(work.resolve(out));
  }

  private static JsonNode site(JsonNode report, String name) {
    for (JsonNode site : report.path("sites")) {
      if (site.path("name").asText().equals(name)) {
        return site;
      }
    }
    throw new AssertionError("no site " + name + " in " + report.path("sites").findValuesAsText("name"));
  }

  private static List<RecordedEvent> events(Path recording, String type) throws Exception {
    List<RecordedEvent> events = new ArrayList<>();
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (event.getEventType().getName().equals(type)) {
        events.add(event);
      }
    }
    return events;
  }
}
