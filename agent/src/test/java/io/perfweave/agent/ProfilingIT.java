package io.perfweave.agent;

import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import io.perfweave.testing.Recordings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The recordings the agent makes by itself: JDK JFR and async-profiler, bounded and rotated. */
final class ProfilingIT {

  private static final String SITE =
      "sites:\n  - name: balance-read\n    match: { type: com.example.testbed.NodeClient, method: getBalance }\n";

  @TempDir Path work;

  static List<Path> jdks() {
    return Jdks.all();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void defaults_recordJdkAndAsyncProfiler(Path jdk) throws Exception {
    ForkedJvm.Result result = hotApp(jdk, "output: out\n" + SITE, "1500");

    Path jdkRecording = recording(false);
    assertEquals(100, count(jdkRecording, "perfweave.RpcCall"));
    // one sampler per kind: async-profiler's; JFR's own CPU and allocation samplers stay off
    assertEquals(0, count(jdkRecording, "jdk.ExecutionSample"));
    assertEquals(0, count(jdkRecording, "jdk.ObjectAllocationSample"));
    // and its lock samples, not JFR's monitor and park events beside them
    assertEquals(0, count(jdkRecording, "jdk.JavaMonitorEnter"));
    assertEquals(0, count(jdkRecording, "jdk.ThreadPark"));
    // the JVM's table walks once per chunk, not every 10 s
    assertEquals("everyChunk", activeSetting(jdkRecording, "jdk.SymbolTableStatistics", "period"));
    assertEquals("everyChunk", activeSetting(jdkRecording, "jdk.StringTableStatistics", "period"));
    Path asyncRecording = recording(true);
    List<RecordedEvent> samples = events(asyncRecording, "jdk.ExecutionSample");
    long inHotMethod = samples.stream().filter(ProfilingIT::inCrunch).count();
    // the rest are JIT compiler, GC and start-up threads, more of them on a short run
    assertTrue(
        inHotMethod > 20 && inHotMethod > samples.size() / 4,
        inHotMethod + " of " + samples.size() + " CPU samples in the hot method");
    assertTrue(count(asyncRecording, "jdk.ObjectAllocationInNewTLAB") > 0, "allocation samples");
    // perf events where the machine permits them, else ctimer: the recording and the agent agree
    String engine = activeSetting(asyncRecording, "engine");
    assertTrue(engine.equals("perf_events") || engine.equals("ctimer"), engine);
    assertTrue(result.stderr().contains("(CPU engine: " + engine + ")"), result.stderr());
  }

  @Test
  void perfEventsUnavailable_fallsBackToCtimerWithOneWarning() throws Exception {
    ForkedJvm.Result result =
        hotApp(
            Jdks.all().get(0),
            "output: out\n" + SITE,
            "800",
            "-Dperfweave.internal.perfEventsUnavailable=true");

    assertEquals(1, warnings(result).size(), result.stderr());
    assertTrue(warnings(result).get(0).contains("perf events are not permitted"));
    Path asyncRecording = recording(true);
    assertEquals("ctimer", activeSetting(asyncRecording, "engine"));
    assertTrue(count(asyncRecording, "jdk.ExecutionSample") > 10);
  }

  @Test
  void unsupportedPlatform_jfrOnlyWithOneWarning() throws Exception {
    ForkedJvm.Result result =
        hotApp(
            Jdks.all().get(0),
            "output: out\n" + SITE,
            "300",
            "-Dperfweave.internal.unsupportedPlatform=true");

    assertEquals(1, warnings(result).size(), result.stderr());
    assertTrue(warnings(result).get(0).contains("async-profiler has no library for"));
    assertTrue(count(recording(false), "perfweave.RpcCall") > 0);
    assertTrue(count(recording(false), "jdk.ExecutionSample") > 0, "without async-profiler, JFR samples the CPU itself");
    assertEquals(1, jfrFiles().size(), "no async-profiler file");
  }

  @Test
  void unwritableOutput_oneWarningAndTheAppRunsOn() throws Exception {
    Files.writeString(work.resolve("blocker"), "a file where a directory should be");
    ForkedJvm.Result result = hotApp(Jdks.all().get(0), "output: blocker/out\n" + SITE, "100");

    assertEquals(1, warnings(result).size(), result.stderr());
    assertTrue(warnings(result).get(0).contains("no recordings, blocker/out cannot be written"));
    assertTrue(result.stdout().startsWith("calls 100 sum "), result.stdout());
    assertTrue(result.stderr().contains("balance-read"), "still timed: " + result.stderr());
  }

  @Test
  void maxSize_boundsTheRecording() throws Exception {
    String config = "output: out\nprofiling:\n  jfr: { maxSize: 2MB, callEventsPerSecond: 0 }\n  asyncProfiler: { enabled: false }\n";
    hotApp(Jdks.all().get(0), config + SITE, "300", "", "300000", "2000");
    long bounded = Files.size(recording(false));
    Files.move(work.resolve("out"), work.resolve("bounded"));
    hotApp(Jdks.all().get(0), config.replace("maxSize: 2MB", "maxSize: 256MB") + SITE, "300", "", "300000", "2000");
    long unbounded = Files.size(recording(false));

    // JFR drops whole chunks (1 MB here): the file holds at most maxSize plus the last finished
    // and the current chunk, and bursts can overfill a chunk a little. A chunk ends when JFR's
    // periodic thread gets round to it, so the calls are spread over two seconds: made as fast as
    // they go (300,000 in well under a second), a busy machine let one chunk take them all.
    assertTrue(unbounded > 8 << 20, "the workload writes more than the bound: " + unbounded);
    assertTrue(bounded <= (2 << 20) + 3 * (1 << 20), "about maxSize: " + bounded + " of " + unbounded);
  }

  @Test
  void rotation_keepsTheNewestFiles() throws Exception {
    String config =
        "output: out\nprofiling:\n  jfr: { rotate: 1s, keep: 2 }\n  asyncProfiler: { enabled: false }\n";
    hotApp(Jdks.all().get(0), config + SITE, "4500");

    List<Path> files = jfrFiles();
    assertEquals(2, files.size(), "keep: 2 of about five: " + files);
    for (Path file : files) {
      assertTrue(RecordingFile.readAllEvents(file).size() > 0, file + " is readable");
    }
  }

  @Test
  void jcmdDump_writesTheRecordingWhileRunning() throws Exception {
    Path config = work.resolve("perfweave.yaml");
    Files.writeString(config, "output: out\nprofiling:\n  asyncProfiler: { enabled: false }\n" + SITE);
    Path jdk = Jdks.all().get(0);
    Process app =
        new ForkedJvm(jdk).withAgent("config=" + config).main("com.example.testbed.AttachApp").start(work);
    CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(app));
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
    assertTrue(stdout.readLine().startsWith("before "));
    assertEquals("ready", stdout.readLine());

    Path dump = work.resolve("dumped.jfr");
    Process jcmd =
        new ProcessBuilder(
                jdk.resolve("bin/jcmd").toString(),
                Long.toString(app.pid()),
                "JFR.dump",
                "name=perfweave",
                "filename=" + dump)
            .redirectErrorStream(true)
            .start();
    String jcmdOutput = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(jcmd.waitFor(60, TimeUnit.SECONDS));
    try (OutputStream in = app.getOutputStream()) {
      in.write("go\n".getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(app.waitFor(60, TimeUnit.SECONDS));
    stderr.get();

    assertTrue(Files.exists(dump), jcmdOutput);
    assertEquals(1, count(dump, "perfweave.RpcCall"), "the call made before the dump");
  }

  private ForkedJvm.Result hotApp(Path jdk, String config, String millis, String... more)
      throws Exception {
    Path file = work.resolve("perfweave.yaml");
    Files.writeString(file, config);
    ForkedJvm jvm = new ForkedJvm(jdk).withAgent("config=" + file);
    if (more.length > 0 && !more[0].isEmpty()) {
      jvm.option(more[0]);
    }
    jvm.main("com.example.testbed.HotApp").args(millis);
    jvm.args((Object[]) Arrays.copyOfRange(more, Math.min(1, more.length), more.length));
    ForkedJvm.Result result = jvm.run(work);
    assertEquals(0, result.exitCode(), result.stderr());
    return result;
  }

  private static boolean inCrunch(RecordedEvent sample) {
    return sample.getStackTrace() != null
        && sample.getStackTrace().getFrames().stream()
            .map(RecordedFrame::getMethod)
            .anyMatch(m -> m.getName().equals("burn") && m.getType().getName().endsWith("Crunch"));
  }

  private Path recording(boolean async) throws Exception {
    List<Path> matching =
        jfrFiles().stream()
            .filter(f -> f.getFileName().toString().endsWith("-async.jfr") == async)
            .collect(Collectors.toList());
    assertEquals(1, matching.size(), "recordings: " + jfrFiles());
    return matching.get(0);
  }

  private List<Path> jfrFiles() throws Exception {
    try (Stream<Path> files = Files.list(work.resolve("out"))) {
      return files.filter(f -> f.toString().endsWith(".jfr")).sorted().collect(Collectors.toList());
    }
  }

  private static List<RecordedEvent> events(Path file, String type) throws Exception {
    return Recordings.events(file, type);
  }

  private static long count(Path file, String type) throws Exception {
    return events(file, type).size();
  }

  private static String activeSetting(Path file, String name) throws Exception {
    return events(file, "jdk.ActiveSetting").stream()
        .filter(e -> e.getString("name").equals(name))
        .map(e -> e.getString("value"))
        .findFirst()
        .orElse("");
  }

  /** The value the recording's settings give {@code name} of event type {@code type}. */
  private static String activeSetting(Path file, String type, String name) throws Exception {
    long id;
    try (jdk.jfr.consumer.RecordingFile recording = new jdk.jfr.consumer.RecordingFile(file)) {
      id = recording.readEventTypes().stream()
          .filter(t -> t.getName().equals(type))
          .mapToLong(jdk.jfr.EventType::getId)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no event type " + type + " in " + file));
    }
    return events(file, "jdk.ActiveSetting").stream()
        .filter(e -> e.getLong("id") == id && e.getString("name").equals(name))
        .map(e -> e.getString("value"))
        .reduce((first, last) -> last)
        .orElse("");
  }

  private static List<String> warnings(ForkedJvm.Result result) {
    return result.stderr().lines()
        .filter(l -> l.startsWith("perfweave: warning"))
        .collect(Collectors.toList());
  }

  private static byte[] readAll(Process process) {
    try {
      return process.getErrorStream().readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
