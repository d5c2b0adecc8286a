package io.perfweave.agent;

import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import io.perfweave.testing.Recordings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The timing advice in a forked JVM with the real agent jar, read back from its recording. */
final class TimingIT {

  private static final String CONFIG =
      String.join(
          "\n",
          "output: out",
          "sites:",
          "  - name: balance-read",
          "    match: { type: \"com.example.testbed.NodeClient\", method: \"getBalance\" }",
          "    idempotent: true",
          "  - name: failing",
          "    match: { type: \"com.example.testbed.*Client\", method: \"fail*\" }",
          "  - name: slow",
          "    match: { type: \"com.example.testbed.NodeClient\", method: \"slow\", params: [] }",
          "    stackTrace: false",
          "  - name: wallet-total",
          "    match:",
          "      type: \"com.example.testbed.Wallet\"",
          "      method: total",
          "      params: [java.lang.String, java.lang.String]",
          "");

  @TempDir Path work;

  static List<Path> jdks() {
    return Jdks.all();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void timedApp_oneEventPerCall(Path jdk) throws Exception {
    ForkedJvm.Result result = runTimedApp(jdk, CONFIG);

    Map<String, List<RecordedEvent>> bySite = calls(work.resolve("out"));
    assertEquals(7, bySite.get("balance-read").size(), "5 direct + 2 inside Wallet.total");
    assertTrue(bySite.get("balance-read").stream().allMatch(e -> "SUCCESS".equals(e.getString("outcome"))));
    RecordedEvent failing = bySite.get("failing").get(0);
    assertEquals(1, bySite.get("failing").size());
    assertEquals("ERROR", failing.getString("outcome"));
    assertEquals("java.io.IOException", failing.getString("error"));
    assertEquals("com.example.testbed.NodeClient#failing", failing.getString("target"));
    assertEquals(1, failing.getInt("attempts"));
    RecordedEvent slow = bySite.get("slow").get(0);
    assertTrue(slow.getDuration().compareTo(Duration.ofMillis(30)) >= 0, "slow sleeps 30ms: " + slow.getDuration());
    assertSameTime(slow.getDuration(), summaryP50(result, "slow"));
    assertTrue(result.stderr().contains(" weaving deferred "),
        "sites named by type: weaving waits for the first class it may weave; " + result.stderr());
    assertNull(slow.getStackTrace(), "stackTrace: false");
    assertEquals(0L, slow.getLong("keyHash"));
    assertTrue(result.stderr().contains("0 transform errors, 0 advice errors"), result.stderr());
  }

  /**
   * The event's duration is set from the same clock readings as the meters (JFR's own clock is
   * not read at the call's start): the exit summary's p50 of the one call, to its histogram's 1 %.
   */
  private static void assertSameTime(Duration event, double summaryMillis) {
    double eventMillis = event.toNanos() / 1e6;
    assertTrue(Math.abs(eventMillis - summaryMillis) <= eventMillis * 0.02,
        "event " + eventMillis + " ms, exit summary " + summaryMillis + " ms");
  }

  private static double summaryP50(ForkedJvm.Result result, String site) {
    String row = result.stderr().lines().filter(l -> l.matches("\\s+" + site + "\\s+1\\s.*")).findFirst()
        .orElseThrow(() -> new AssertionError(result.stderr()));
    String[] cells = row.trim().split("\\s+");
    return Double.parseDouble(cells[6].replace("ms", ""));
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void nestedCall_outerSpansInner(Path jdk) throws Exception {
    runTimedApp(jdk, CONFIG);

    Map<String, List<RecordedEvent>> bySite = calls(work.resolve("out"));
    RecordedEvent total = bySite.get("wallet-total").get(0);
    List<RecordedEvent> inner =
        bySite.get("balance-read").stream()
            .filter(e -> e.getStartTime().compareTo(total.getStartTime()) >= 0)
            .filter(e -> e.getEndTime().compareTo(total.getEndTime()) <= 0)
            .collect(Collectors.toList());
    assertEquals(2, inner.size(), "both inner calls lie inside the outer one");
    List<RecordedFrame> frames = inner.get(0).getStackTrace().getFrames();
    assertTrue(
        frames.stream().anyMatch(f -> f.getMethod().getName().equals("total")),
        "the inner call's stack shows its caller");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void appOutput_unchangedByteForByte(Path jdk) throws Exception {
    Path plain = Files.createDirectories(work.resolve("plain"));
    ForkedJvm.Result without = new ForkedJvm(jdk).main("com.example.testbed.TimedApp").run(plain);
    ForkedJvm.Result with = runTimedApp(jdk, CONFIG);

    assertEquals(0, without.exitCode());
    assertEquals(0, with.exitCode());
    assertEquals(without.stdout(), with.stdout());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void exitSummary_perSiteOnStderr(Path jdk) throws Exception {
    ForkedJvm.Result result = runTimedApp(jdk, CONFIG);

    String summary = String.join("\n", result.agentLines());
    assertTrue(summary.contains("perfweave: call sites (whole run)"), result.stderr());
    assertTrue(result.stderr().lines().anyMatch(l -> l.matches("\\s+balance-read\\s+7\\s+0\\s.*")), result.stderr());
    assertTrue(result.stderr().lines().anyMatch(l -> l.matches("\\s+failing\\s+1\\s+1\\s.*")), result.stderr());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void subtypesOf_matchesImplementations(Path jdk) throws Exception {
    String config =
        String.join(
            "\n",
            "output: out",
            "sites:",
            "  - name: any-balance-source",
            "    match: { subtypesOf: \"com.example.testbed.BalanceSource\", method: getBalance }",
            "");
    ForkedJvm.Result result = runTimedApp(jdk, config);

    assertEquals(7, calls(work.resolve("out")).get("any-balance-source").size());
    assertTrue(result.stderr().contains(" warm-up ") && !result.stderr().contains(" weaving deferred "),
        "any class may be a subtype: Byte Buddy's transformer is installed at start-up; " + result.stderr());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void agentStats_recorded(Path jdk) throws Exception {
    runTimedApp(jdk, CONFIG);

    List<RecordedEvent> stats = Recordings.events(Recordings.only(work.resolve("out")), "perfweave.AgentStats");
    assertTrue(!stats.isEmpty(), "at least one perfweave.AgentStats");
    RecordedEvent last =
        stats.stream().max(java.util.Comparator.comparing(RecordedEvent::getStartTime)).get();
    assertEquals(4, last.getInt("sites"));
    assertEquals(2L, last.getLong("transformedClasses"), "NodeClient and Wallet");
    assertEquals(0L, last.getLong("adviceErrors"));
    assertEquals(0L, last.getLong("transformErrors"));
  }

  /** perfweave records nothing of its own; the user's recording gets its AgentStats all the same. */
  @ParameterizedTest
  @MethodSource("jdks")
  void agentStats_inARecordingTheUserStarts(Path jdk) throws Exception {
    Path users = work.resolve("users.jfr");
    runTimedApp(jdk, CONFIG,
        "-Dperfweave.profiling.jfr.enabled=false",
        "-Dperfweave.profiling.asyncProfiler.enabled=false",
        "-XX:StartFlightRecording:filename=" + users);
    assertTrue(!Files.exists(work.resolve("out")), "perfweave recorded nothing itself");
    assertTrue(!Recordings.events(users, "perfweave.AgentStats").isEmpty(), "perfweave.AgentStats in " + users);
  }

  private ForkedJvm.Result runTimedApp(Path jdk, String config, String... options)
      throws IOException, InterruptedException {
    Path file = work.resolve("perfweave.yaml");
    Files.writeString(file, config);
    ForkedJvm jvm = new ForkedJvm(jdk).withAgent("config=" + file).option("-Dperfweave.internal.startupTimes=true");
    for (String option : options) {
      jvm.option(option);
    }
    ForkedJvm.Result result = jvm.main("com.example.testbed.TimedApp").run(work);
    assertEquals(0, result.exitCode(), result.stderr());
    assertTrue(result.stderr().contains("0 transform errors, 0 advice errors"), result.stderr());
    assertTrue(!result.stderr().contains("internal error"), result.stderr());
    return result;
  }

  private static Map<String, List<RecordedEvent>> calls(Path out) throws IOException {
    List<RecordedEvent> events = Recordings.events(Recordings.only(out), "perfweave.RpcCall");
    assertNotNull(events);
    return events.stream().collect(Collectors.groupingBy(e -> e.getString("site")));
  }
}
