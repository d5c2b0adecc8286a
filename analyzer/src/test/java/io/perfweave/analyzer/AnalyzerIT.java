package io.perfweave.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfweave.agent.config.ConfigLoader;
import io.perfweave.agent.config.PerfweaveConfig;
import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import io.perfweave.testing.JsonRpcServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyzer on real recordings made here: a workload with planted problems recorded by the
 * real agent, the same workload without them, and recordings made without perfweave.
 */
final class AnalyzerIT {

  private static final Path PLANTED_CONFIG = ForkedJvm.TESTBED.resolve("../planted-perfweave.yaml");

  @TempDir static Path shared;
  private static JsonNode planted;
  private static String plantedOutput;

  @TempDir Path work;

  @BeforeAll
  static void recordAndAnalyzePlanted() throws Exception {
    plantedOutput = record(shared, PLANTED_CONFIG, "planted").stdout();
    AnalyzerRun run = AnalyzerRun.of("analyze", shared.resolve("out").toString(), "--out", shared.resolve("report").toString());
    assertEquals(0, run.exitCode(), run.stderr());
    planted = AnalyzerRun.report(shared.resolve("report"));
  }

  @Test
  void plantedWorkload_everyProblemFoundAtItsSite() {
    assertFinding("repeated-reads", "quote");
    assertFinding("repeated-reads", "settings");
    assertFinding("concurrent-duplicates", "settings");
    assertFinding("sequential-fan-out", "account");
    assertFinding("transient-errors", "flaky-read");
    assertFinding("non-idempotent-failures", "payment");
    assertFinding("hot-cpu-method", "com.example.planted.Analytics.crunch");
    assertFinding("allocation-hot-spot", "com.example.planted.Analytics.churn");
    assertFinding("lock-contention", "java.lang.Object");
    assertFinding("exceptions-as-control-flow", "java.lang.NumberFormatException at com.example.planted.Analytics.parseOrZero");
    assertFinding("connection-setup", "com.example.planted.Analytics.connectEach");
  }

  @Test
  void threshold_raisedAboveTheEvidence_silencesItsRuleOnly() throws Exception {
    Path out = shared.resolve("report-strict");
    AnalyzerRun run =
        AnalyzerRun.of("analyze", shared.resolve("out").toString(), "--out", out.toString(),
            "--threshold", "cache.minCalls=1000000", "--threshold", "batch.minRuns=1000000");
    assertEquals(0, run.exitCode(), run.stderr());
    JsonNode strict = AnalyzerRun.report(out);
    assertFalse(hasFinding(strict, "repeated-reads", "quote"), titles(strict).toString());
    assertFalse(hasFinding(strict, "sequential-fan-out", "account"), titles(strict).toString());
    assertTrue(hasFinding(strict, "transient-errors", "flaky-read"), titles(strict).toString());
  }

  @Test
  void plantedWorkload_nothingWhereThereIsNoProblem() {
    assertNoFinding("repeated-reads", "account");
    assertNoFinding("transient-errors", "payment");
    assertNoFinding("repeated-reads", "payment");
    assertNoFinding("sequential-fan-out", "quote");
    // one thread calls these one after another: JFR writes some events out of order, which must
    // not read as calls overlapping
    assertNoFinding("concurrent-duplicates", "quote");
    assertEquals(0, site("quote").path("concurrentDuplicates").asInt());
    assertEquals(0, site("account").path("concurrentDuplicates").asInt());
  }

  @Test
  void plantedWorkload_allocationHotSpotNamesWhatItAllocates() {
    // churn allocates byte buffers and the lists holding them; the rest of the run allocates sockets, strings, ...
    Set<String> churns = Set.of("[B", "byte[]", "java.util.ArrayList", "[Ljava.lang.Object;", "java.lang.Object[]");
    JsonNode types = finding("allocation-hot-spot", "com.example.planted.Analytics.churn").path("evidence").path("topTypes");
    assertTrue(types.size() > 0, types.toString());
    types.fieldNames().forEachRemaining(type -> assertTrue(churns.contains(type), type + " in " + types));
  }

  @Test
  void plantedWorkload_fanOutNamesTheCallingCode() {
    JsonNode fanOut = finding("sequential-fan-out", "account");
    assertTrue(fanOut.path("evidence").path("caller").asText().startsWith("com.example.planted.PlantedApp.main:"));
  }

  @Test
  void report_isVersionedAndCarriesTheModel() {
    assertEquals(2, planted.path("schemaVersion").asInt());
    assertFalse(planted.path("partial").asBoolean());
    JsonNode quote = site("quote");
    assertEquals(30, quote.path("calls").asInt());
    assertEquals(30, quote.path("rpcsSent").asInt());
    assertEquals(3, quote.path("distinctKeys").asInt());
    assertEquals(6, site("payment").path("errors").asInt());
    assertTrue(site("settings").path("maxConcurrency").asInt() >= 4);
    assertTrue(planted.path("hotMethods").path("cpuSamples").asLong() > 0);
    assertTrue(planted.path("exceptions").path("byType").path("java.lang.NumberFormatException").asLong() >= 20_000);
    for (JsonNode recommendation : planted.path("recommendations")) {
      assertFalse(recommendation.path("evidence").isEmpty(), "every finding has evidence");
    }
  }

  @Test
  void cleanWorkload_noRecommendationsButRecordingQuality() throws Exception {
    Path config = work.resolve("clean.yaml");
    Files.writeString(config, Files.readString(PLANTED_CONFIG));
    record(work, config, "clean");
    AnalyzerRun run = AnalyzerRun.of("analyze", work.resolve("out").toString(), "--out", work.resolve("report").toString());

    assertEquals(0, run.exitCode(), run.stderr());
    List<String> rules = new ArrayList<>();
    AnalyzerRun.report(work.resolve("report")).path("recommendations").forEach(r -> rules.add(r.path("rule").asText() + ": " + r.path("title").asText()));
    assertTrue(rules.stream().allMatch(r -> r.startsWith("recording-quality")), rules.toString());
  }

  @Test
  void suggestedConfig_loadsInTheAgentAndRemovesWhatItTargets() throws Exception {
    Path suggested = shared.resolve("report/suggested-config.yaml");
    PerfweaveConfig config = new ConfigLoader("config=" + suggested, Map.of(), Map.of()).load();
    assertTrue(config.sites().stream().anyMatch(s -> s.name().equals("quote") && s.cache().isPresent()));
    assertTrue(config.sites().stream().anyMatch(s -> s.name().equals("flaky-read") && s.retry().isPresent()));
    assertTrue(config.sites().stream().noneMatch(s -> s.name().equals("payment") && s.retry().isPresent()));

    Path applied = work.resolve("applied.yaml");
    Files.writeString(applied, "output: out\n" + Files.readString(suggested));
    String after = record(work, applied, "planted").stdout();

    assertTrue(count(after, "quotes run") < count(plantedOutput, "quotes run") / 2, after);
    assertTrue(count(after, "settings run") < count(plantedOutput, "settings run") / 3, after);
    assertEquals(count(plantedOutput, "payments sent"), count(after, "payments sent"), "writes untouched");
    assertEquals(count(plantedOutput, "failures seen") - 3, count(after, "failures seen"), "the 3 flaky reads recovered");
    // the probe: a read every ~7 ms and a read failing one call in three, cache and retry together
    assertTrue(count(after, "ticker run") <= count(plantedOutput, "ticker run") / 10, after);
    assertTrue(count(after, "probe failures") < 400 / 100, after);
  }

  @Test
  void jsonRpcOverHttp_findingsPerMethod_andAnHttpConfigThatWorks() throws Exception {
    try (JsonRpcServer server = new JsonRpcServer(Map.of("getBalance", JsonRpcServer.Failure.UNAVAILABLE))) {
      Path plain = Files.writeString(work.resolve("plain.yaml"), "output: out\n");
      String before = recordRpcClient(plain, server);
      AnalyzerRun run = AnalyzerRun.of("analyze", work.resolve("out").toString(), "--out", work.resolve("report").toString());
      assertEquals(0, run.exitCode(), run.stderr());
      JsonNode report = AnalyzerRun.report(work.resolve("report"));
      String balance = "http:127.0.0.1:" + server.port() + "/rpc getBalance";
      assertTrue(hasFinding(report, "repeated-reads", balance), titles(report).toString());
      assertTrue(hasFinding(report, "transient-errors", balance), titles(report).toString());
      assertFalse(hasFinding(report, "repeated-reads", "http:127.0.0.1:" + server.port() + "/rpc sendTransaction"), titles(report).toString());

      Path suggested = work.resolve("report/suggested-config.yaml");
      PerfweaveConfig config = new ConfigLoader("config=" + suggested, Map.of(), Map.of()).load();
      var methods = config.http().jsonRpcMethods();
      assertTrue(methods.stream().anyMatch(m -> m.pattern().equals("getBalance") && m.cache().isPresent() && m.retry().isPresent()
          && m.retryStatuses().contains(503)), methods.toString());
      assertTrue(methods.stream().noneMatch(m -> m.pattern().equals("sendTransaction")), methods.toString());

      int balanceCallsBefore = server.received("getBalance");
      Path applied = Files.writeString(work.resolve("applied.yaml"), "output: after\n" + Files.readString(suggested));
      try (JsonRpcServer other = new JsonRpcServer(Map.of("getBalance", JsonRpcServer.Failure.UNAVAILABLE))) {
        String after = recordRpcClient(applied, other);
        assertTrue(before.contains("failed {getBalance=") && after.contains("failed {} "), before + " / " + after);
        // how far below depends on the proposed TTL against how long the run takes on this machine
        assertTrue(other.received("getBalance") < balanceCallsBefore / 2,
            balanceCallsBefore + " balance reads before, " + other.received("getBalance") + " after");
      }

      // the node listened on another port: compare still pairs every site, and leads with the headline
      AnalyzerRun compare = AnalyzerRun.of("compare", work.resolve("out").toString(), work.resolve("after").toString(),
          "--out", work.resolve("compare").toString());
      assertEquals(0, compare.exitCode(), compare.stderr());
      JsonNode comparison = new com.fasterxml.jackson.databind.ObjectMapper().readTree(work.resolve("compare/compare.json").toFile());
      assertEquals(0, comparison.path("pairing").path("onlyBefore").size(), comparison.path("pairing").toString());
      assertEquals(0, comparison.path("pairing").path("onlyAfter").size(), comparison.path("pairing").toString() + comparison.path("sites"));
      assertTrue(compare.stdout().startsWith(" ") && compare.stdout().contains("RPCs sent"), compare.stdout());
      assertTrue(compare.stdout().indexOf("RPCs sent") < compare.stdout().indexOf("Improved:"), compare.stdout());

      // for CI: the runs the other way round are a regression, and --fail-on-regression says so
      AnalyzerRun backwards = AnalyzerRun.of("compare", work.resolve("after").toString(), work.resolve("out").toString(),
          "-o", work.resolve("backwards").toString(), "--fail-on-regression", "20");
      assertEquals(3, backwards.exitCode(), backwards.stderr());
      assertTrue(backwards.stderr().contains("getBalance rpcsSent"), backwards.stderr());
    }
  }

  private String recordRpcClient(Path config, JsonRpcServer server) throws Exception {
    ForkedJvm.Result result =
        new ForkedJvm(Jdks.all().get(0)).withAgent("config=" + config).main("com.example.http.RpcClientApp")
            .args("jdk", server.port(), "mixed", 20).run(work);
    assertEquals(0, result.exitCode(), result.stderr());
    return result.stdout();
  }

  @Test
  void plainJdkRecording_jvmRulesOnly() throws Exception {
    Path recording = work.resolve("plain.jfr");
    ForkedJvm.Result result =
        new ForkedJvm(Jdks.all().get(0))
            .option("-XX:StartFlightRecording=filename=" + recording + ",settings=profile")
            .main("com.example.testbed.HotApp")
            .args("3000")
            .run(work);
    assertEquals(0, result.exitCode(), result.stderr());
    AnalyzerRun run = AnalyzerRun.of("analyze", recording.toString(), "--out", work.resolve("report").toString());

    assertEquals(0, run.exitCode(), run.stderr());
    JsonNode report = AnalyzerRun.report(work.resolve("report"));
    assertEquals("jfr", report.path("run").path("sampleSource").asText());
    assertTrue(hasFinding(report, "hot-cpu-method", "com.example.testbed.Crunch.burn"), report.path("recommendations").toString());
    assertTrue(ruleNotApplicable(report, "repeated-reads"));
  }

  @Test
  void asyncProfilerOnlyRecording_isAnalyzedToo() throws Exception {
    Path config = work.resolve("async-only.yaml");
    Files.writeString(config, "output: out\nprofiling:\n  jfr: { enabled: false }\n");
    ForkedJvm.Result result =
        new ForkedJvm(Jdks.all().get(0)).withAgent("config=" + config).main("com.example.testbed.HotApp").args("2000").run(work);
    assertEquals(0, result.exitCode(), result.stderr());
    AnalyzerRun run = AnalyzerRun.of("analyze", work.resolve("out").toString(), "--out", work.resolve("report").toString());

    assertEquals(0, run.exitCode(), run.stderr());
    JsonNode report = AnalyzerRun.report(work.resolve("report"));
    assertEquals("async-profiler", report.path("run").path("sampleSource").asText());
    String engine = report.path("run").path("cpuEngine").asText();
    assertTrue(result.stderr().contains("(CPU engine: " + engine + ")"), engine + " / " + result.stderr());
    assertTrue(hasFinding(report, "hot-cpu-method", "com.example.testbed.Crunch.burn"), report.path("recommendations").toString());
  }

  /** The JIT's directive is added through the command object the jar's manifest opens, not through JMX. */
  @Test
  void jitDirective_addedWithoutStartingJmx() throws Exception {
    Path classes = work.resolve("classes.log");
    AnalyzerRun run = AnalyzerRun.withOptions(List.of("-Xlog:class+load=info:file=" + classes),
        "analyze", shared.resolve("out").toString(), "--out", work.resolve("report").toString());

    assertEquals(0, run.exitCode(), run.stderr());
    String loaded = Files.readString(classes);
    assertTrue(loaded.contains("com.sun.management.internal.DiagnosticCommandImpl "), "the command object was not used");
    assertFalse(loaded.contains("com.sun.jmx.mbeanserver.JmxMBeanServer "), "the platform MBean server was started");
  }

  private static ForkedJvm.Result record(Path dir, Path config, String mode) throws Exception {
    ForkedJvm.Result result =
        new ForkedJvm(Jdks.all().get(0))
            .withAgent("config=" + config)
            .main("com.example.planted.PlantedApp")
            .args(mode)
            .run(dir);
    assertEquals(0, result.exitCode(), result.stderr());
    assertTrue(result.stderr().contains("0 transform errors, 0 advice errors"), result.stderr());
    return result;
  }

  private static int count(String output, String label) {
    Matcher m = Pattern.compile(label + " (\\d+)").matcher(output);
    assertTrue(m.find(), label + " in " + output);
    return Integer.parseInt(m.group(1));
  }

  private static JsonNode site(String name) {
    for (JsonNode site : planted.path("sites")) {
      if (site.path("name").asText().equals(name)) {
        return site;
      }
    }
    throw new AssertionError("no site " + name);
  }

  private static JsonNode finding(String rule, String subjectPrefix) {
    for (JsonNode r : planted.path("recommendations")) {
      if (r.path("rule").asText().equals(rule) && r.path("subject").asText().startsWith(subjectPrefix)) {
        return r;
      }
    }
    throw new AssertionError("no " + rule + " for " + subjectPrefix + " in " + titles(planted));
  }

  private static void assertFinding(String rule, String subjectPrefix) {
    assertTrue(hasFinding(planted, rule, subjectPrefix), rule + " for " + subjectPrefix + " in " + titles(planted));
  }

  private static void assertNoFinding(String rule, String subject) {
    for (JsonNode r : planted.path("recommendations")) {
      assertFalse(
          r.path("rule").asText().equals(rule) && r.path("subject").asText().equals(subject),
          "unexpected " + rule + " for " + subject);
    }
  }

  private static boolean hasFinding(JsonNode report, String rule, String subjectPrefix) {
    for (JsonNode r : report.path("recommendations")) {
      if (r.path("rule").asText().equals(rule) && r.path("subject").asText().startsWith(subjectPrefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean ruleNotApplicable(JsonNode report, String rule) {
    for (JsonNode r : report.path("rules")) {
      if (r.path("rule").asText().equals(rule)) {
        return !r.path("applicable").asBoolean();
      }
    }
    return false;
  }

  private static List<String> titles(JsonNode report) {
    List<String> titles = new ArrayList<>();
    report.path("recommendations").forEach(r -> titles.add(r.path("rule").asText() + " / " + r.path("subject").asText()));
    return titles;
  }
}
