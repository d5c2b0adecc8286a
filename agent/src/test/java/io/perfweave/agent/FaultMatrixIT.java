package io.perfweave.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import io.perfweave.testing.JsonRpcServer;
import io.perfweave.testing.Recordings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix an operator runs before attaching perfweave to a production JVM: the faults
 * no other capability's tests own. The whole matrix, one row per fault with the test that shows
 * it, is README's "It never breaks its host"; rows whose fix lives in a capability are tested
 * beside it: host-hanging and world-wide patterns in BadConfigIT, writes under an idempotent glob
 * in HttpClientsIT (on every client library), the analyzer's partial input and unwritable output
 * in BadInputIT, savings bounded by the run in RuleRunnerTest.
 */
final class FaultMatrixIT {

  private static final String SECRET_PATH = "SECRET456";
  private static final String NO_PROFILING =
      "output: out\nprofiling:\n  asyncProfiler: { enabled: false }\n";

  @TempDir Path work;

  @Test
  void apiKeyInTheUrlPath_appearsNowhere() throws Exception {
    try (JsonRpcServer server = new JsonRpcServer(Map.of(), 0, "/v2/" + SECRET_PATH + "/rpc")) {
      Path config = Files.writeString(work.resolve("perfweave.yaml"), NO_PROFILING);
      ForkedJvm.Result result =
          new ForkedJvm(Jdks.current()).withAgent("config=" + config)
              .main("com.example.http.RpcClientApp")
              .args("jdk", server.port(), "mixed", 1, "/v2/" + SECRET_PATH + "/rpc")
              .run(work);

      assertEquals(0, result.exitCode(), result.stderr());
      assertTrue(result.stdout().contains("failed {} wrongAnswers=0"), result.stdout());
      assertEquals(5, server.requests(), "the calls reached the server at its secret path");
      assertFalse(result.stderr().contains(SECRET_PATH), result.stderr());
      assertTrue(result.stderr().contains("http:127.0.0.1:" + server.port() + "/v2/{key}/rpc"), result.stderr());
      assertFalse(contains(Recordings.only(work.resolve("out")), SECRET_PATH), "the recording names no key");
    }
  }

  @Test
  void environmentAndSystemProperties_notRecorded_unlessAskedFor() throws Exception {
    assertFalse(recordingsHoldTheEnvironment("output: out\n", "quiet"), "secrets left out by default");
    assertTrue(
        recordingsHoldTheEnvironment(
            "output: out\nprofiling:\n  jfr: { recordEnvironment: true }\n", "opted-in"),
        "recordEnvironment: true keeps them, so this test can tell");
  }

  @Test
  void perfweavesOwnWork_neverRunsWovenAdvice() throws Exception {
    Path config =
        Files.writeString(
            work.resolve("perfweave.yaml"),
            NO_PROFILING
                + "sites:\n  - name: quotes\n"
                + "    match: { type: com.example.testbed.ReentryApp$Quotes, method: quote }\n"
                + "  - name: price-hash\n"
                + "    match: { type: com.example.testbed.ReentryApp$Price, method: hashCode }\n");
    ForkedJvm.Result result =
        new ForkedJvm(Jdks.current()).withAgent("config=" + config)
            .main("com.example.testbed.ReentryApp").run(work).requireClean();

    assertTrue(result.stdout().contains("quotes 50 total"), result.stdout());
    List<jdk.jfr.consumer.RecordedEvent> calls = Recordings.events(Recordings.only(work.resolve("out")), "perfweave.RpcCall");
    assertEquals(50, calls.stream().filter(e -> e.getString("site").equals("quotes")).count());
    assertTrue(calls.stream().filter(e -> e.getString("site").equals("quotes")).allMatch(e -> e.getLong("resultHash") != 0),
        "each quote was hashed");
    List<jdk.jfr.consumer.RecordedEvent> hashes =
        calls.stream().filter(e -> e.getString("site").equals("price-hash")).toList();
    assertEquals(5, hashes.size(), "the application's own five hashCode calls, not the 50 perfweave made");
    assertTrue(hashes.stream().allMatch(e -> e.getLong("resultHash") != 0), "an int result hashed as it is");
  }

  @Test
  void twoCopiesOfTheAgent_countEachCallOnce() throws Exception {
    Path config =
        Files.writeString(
            work.resolve("perfweave.yaml"),
            NO_PROFILING
                + "sites:\n  - name: balance\n"
                + "    match: { type: com.example.testbed.NodeClient, method: getBalance }\n");
    ForkedJvm.Result result =
        new ForkedJvm(Jdks.current()).withAgent("config=" + config)
            .option("-javaagent:" + ForkedJvm.AGENT_JAR + "=config=" + config)
            .main("com.example.testbed.TimedApp")
            .run(work);

    assertEquals(0, result.exitCode(), result.stderr());
    List<String> passive =
        result.stderr().lines().filter(l -> l.contains("perfweave already runs in this JVM")).toList();
    assertEquals(1, passive.size(), result.stderr());
    List<String> summaries =
        result.stderr().lines().filter(l -> l.startsWith("perfweave: call sites")).toList();
    assertEquals(1, summaries.size(), "one summary: " + result.stderr());
    long calls = Recordings.events(Recordings.only(work.resolve("out")), "perfweave.RpcCall").size();
    assertTrue(result.stderr().lines().anyMatch(l -> l.trim().startsWith("balance ") && l.contains(" " + calls + " ")),
        calls + " calls, counted once: " + result.stderr());
  }

  /** Whether either recording (JFR's, async-profiler's) holds the environment or a -D value. */
  @Test
  void java25_noWarningFromPerfweavesOwnLibraries_butAsyncProfilersNativeAccess() throws Exception {
    assumeTrue(Jdks.all().size() > 1, "needs the second JDK (perfweave.it.extraJdk), as CI has");
    Path java25 = Jdks.all().get(Jdks.all().size() - 1);
    Path config = Files.writeString(work.resolve("perfweave.yaml"), "output: out\n");
    ForkedJvm.Result result =
        new ForkedJvm(java25).withAgent("config=" + config).main("com.example.testbed.TimedApp").run(work);

    assertEquals(0, result.exitCode(), result.stderr());
    List<String> warnings = result.stderr().lines().filter(l -> l.startsWith("WARNING:")).toList();
    assertFalse(warnings.stream().anyMatch(l -> l.contains("sun.misc.Unsafe")), result.stderr());
    // JDK 24+ warns once when async-profiler loads its library; --enable-native-access silences it
    assertTrue(warnings.stream().allMatch(l -> l.contains("restricted method") || l.contains("System::load")
        || l.contains("--enable-native-access") || l.contains("Restricted methods will be blocked")),
        result.stderr());
  }

  @Test
  void fullDisk_theSummarySaysTheRecordingWasNotWrittenWhole() throws Exception {
    ForkedJvm.Result result =
        onTinyDisk("profiling:\n  asyncProfiler: { enabled: false }\n", "com.example.testbed.TimedApp");

    assertEquals(0, result.exitCode(), result.stderr());
    assertTrue(result.stderr().contains("perfweave: warning: the JFR recording was not written whole: "),
        result.stderr());
    assertTrue(result.stderr().contains("(a full disk, or an I/O error)"), result.stderr());
    assertFalse(result.stderr().contains("perfweave: JFR recording: "), "never named as written");
  }

  @Test
  void fullDisk_betweenRotations_isSaidWhenTheFileIsClosed() throws Exception {
    ForkedJvm.Result result =
        onTinyDisk("profiling:\n  jfr: { rotate: 1s }\n  asyncProfiler: { enabled: false }\n",
            "com.example.testbed.HotApp", "2500", "100");

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(1, result.stderr().lines()
            .filter(l -> l.startsWith("perfweave: warning: a rotated JFR recording was not written whole: ")).count(),
        "said once, at the first rotation: " + result.stderr());
  }

  /** Runs {@code mainClass} with its output on a 128 KB tmpfs, mounted for the run (needs root, as CI has). */
  private ForkedJvm.Result onTinyDisk(String profiling, String mainClass, Object... args) throws Exception {
    Path tiny = Files.createDirectories(work.resolve("tiny"));
    assumeTrue(command("mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", tiny.toString()) == 0,
        "needs to mount a tiny tmpfs (root), as CI can");
    try {
      Path config = Files.writeString(work.resolve("perfweave.yaml"), "output: " + tiny.resolve("out") + "\n" + profiling);
      return new ForkedJvm(Jdks.current()).withAgent("config=" + config).main(mainClass).args(args).run(work);
    } finally {
      command("umount", tiny.toString());
    }
  }

  /**
   * perfweave's exit hook once stopped the recording beside JFR's own, which then cleared the
   * repository under the chunks being written: about one exit in fifteen lost its recording
   * ("Missing chunkfile"). Sixteen exits in a row show it is gone.
   */
  @Test
  void exit_writesTheRecordingWhole_everyTime() throws Exception {
    Path config = Files.writeString(work.resolve("perfweave.yaml"), NO_PROFILING);
    for (int run = 0; run < 16; run++) {
      ForkedJvm.Result result =
          new ForkedJvm(Jdks.current()).withAgent("config=" + config).main("com.example.testbed.TimedApp").run(work);
      assertEquals(0, result.exitCode(), result.stderr());
      assertFalse(result.stdout().contains("Missing chunkfile"), "run " + run + ": " + result.stdout());
      assertTrue(result.stderr().contains("perfweave: JFR recording: "), "run " + run + ": " + result.stderr());
    }
    try (Stream<Path> files = Files.list(work.resolve("out"))) {
      for (Path recording : files.toList()) {
        assertFalse(Recordings.events(recording, "jdk.ActiveSetting").isEmpty(), "readable whole: " + recording);
      }
    }
  }

  @Test
  void tempFilesOfAKilledJvm_removedByTheNextRun() throws Exception {
    Path tmp = Files.createDirectories(work.resolve("tmp"));
    Path config = Files.writeString(work.resolve("perfweave.yaml"), "output: out\n");
    Process killed =
        new ForkedJvm(Jdks.current()).withAgent("config=" + config)
            .option("-Djava.io.tmpdir=" + tmp)
            .main("com.example.testbed.AttachApp")
            .start(work);
    try (BufferedReader stdout = new BufferedReader(
        new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("ready", stdout.lines().filter(line -> !line.startsWith("before ")).findFirst().orElseThrow());
      List<Path> left = waitForJfrRepository(tmp, killed.pid());
      killed.destroyForcibly().waitFor();
      assertTrue(left.stream().anyMatch(f -> f.getFileName().toString().startsWith("perfweave-async-profiler-")), "" + left);
      assertTrue(left.stream().anyMatch(f -> f.getFileName().toString().endsWith("_" + killed.pid())), "" + left);
    }

    ForkedJvm.Result next =
        new ForkedJvm(Jdks.current()).withAgent("config=" + config)
            .option("-Djava.io.tmpdir=" + tmp)
            .main("com.example.testbed.TimedApp")
            .run(work);

    assertEquals(0, next.exitCode(), next.stderr());
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.toList(),
          "the killed JVM's async-profiler jar and its JFR repository are gone, and so is"
              + " what this run made");
    }
  }

  /** What the JVM has in the temp directory once JFR has made its repository there. */
  private static List<Path> waitForJfrRepository(Path tmp, long pid) throws Exception {
    for (int i = 0; i < 600; i++) {
      try (Stream<Path> files = Files.list(tmp)) {
        List<Path> left = files.toList();
        if (left.stream().anyMatch(f -> f.getFileName().toString().endsWith("_" + pid))
            && left.stream().anyMatch(f -> f.getFileName().toString().startsWith("perfweave-jfr-repository-"))) {
          return left;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no JFR repository in " + tmp);
  }

  private boolean recordingsHoldTheEnvironment(String config, String run) throws Exception {
    Path dir = Files.createDirectories(work.resolve(run));
    Path file = Files.writeString(dir.resolve("perfweave.yaml"), config);
    ForkedJvm.Result result =
        new ForkedJvm(Jdks.current()).withAgent("config=" + file)
            .env("MY_API_KEY", "topsecret-env-123")
            .option("-Dapi.key=topsecret-prop-456")
            .main("com.example.testbed.TimedApp")
            .run(dir);
    assertEquals(0, result.exitCode(), result.stderr());
    List<Path> recordings;
    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      recordings = files.filter(f -> f.toString().endsWith(".jfr")).toList();
    }
    assertEquals(2, recordings.size(), "JFR's and async-profiler's: " + recordings);
    boolean found = false;
    for (Path recording : recordings) {
      found |= contains(recording, "topsecret-env-123") || contains(recording, "topsecret-prop-456");
    }
    return found;
  }

  private static int command(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    return process.waitFor();
  }

  /** Whether the recording's bytes hold {@code text} (JFR writes strings as UTF-8 or Latin-1). */
  private static boolean contains(Path recording, String text) throws Exception {
    byte[] bytes = Files.readAllBytes(recording);
    byte[] needle = text.getBytes(StandardCharsets.ISO_8859_1);
    for (int at = 0; at + needle.length <= bytes.length; at++) {
      if (matchesAt(bytes, needle, at)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAt(byte[] bytes, byte[] needle, int at) {
    for (int i = 0; i < needle.length; i++) {
      if (bytes[at + i] != needle[i]) {
        return false;
      }
    }
    return true;
  }
}
