package io.perfweave.agent;

import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import io.perfweave.testing.TestConfigs;
import io.perfweave.testing.Recordings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Attaching to a JVM that already runs instruments the classes it has already loaded. */
final class AttachIT {

  @TempDir Path work;

  static List<Path> jdks() {
    return Jdks.all();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void attach_instrumentsLoadedClasses(Path jdk) throws Exception {
    attachAndCheck(jdk, (pid, arguments) -> {
      VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
      try {
        vm.loadAgent(ForkedJvm.AGENT_JAR.toString(), arguments);
      } finally {
        vm.detach();
      }
    });
  }

  /** {@code java -jar perfweave-agent.jar attach PID ARGS}, with no attacher of one's own. */
  @ParameterizedTest
  @MethodSource("jdks")
  void attachCommand_ofTheAgentJar_doesTheSame(Path jdk) throws Exception {
    attachAndCheck(jdk, (pid, arguments) -> {
      Process attach = new ProcessBuilder(jdk.resolve("bin/java").toString(), "-jar", ForkedJvm.AGENT_JAR.toString(),
          "attach", Long.toString(pid), arguments).redirectErrorStream(true).start();
      String said = readAll(attach.getInputStream());
      assertTrue(attach.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, attach.exitValue(), said);
      assertTrue(said.contains("perfweave: attached to " + pid), said);
    });
  }

  /** How a test loads the agent into the JVM of {@code pid}. */
  private interface Attacher {
    void attach(long pid, String agentArguments) throws Exception;
  }

  private void attachAndCheck(Path jdk, Attacher attacher) throws Exception {
    Path config = TestConfigs.balanceReadSite(work);
    Process app = new ForkedJvm(jdk).main("com.example.testbed.AttachApp").start(work);
    CompletableFuture<String> stderr =
        CompletableFuture.supplyAsync(() -> readAll(app.getErrorStream()));
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
    assertTrue(stdout.readLine().startsWith("before "));
    assertEquals("ready", stdout.readLine());

    attacher.attach(app.pid(), "config=" + config);
    try (OutputStream in = app.getOutputStream()) {
      in.write("go\n".getBytes(StandardCharsets.UTF_8));
    }
    for (int i = 0; i < 3; i++) {
      assertTrue(stdout.readLine().startsWith("after "));
    }
    assertTrue(app.waitFor(60, TimeUnit.SECONDS));

    String errors = stderr.get();
    assertEquals(0, app.exitValue(), errors);
    assertTrue(errors.contains("1 classes transformed, 0 transform errors, 0 advice errors"), errors);
    assertTrue(errors.contains("perfweave: async-profiler recording: "), "profiling started at attach");
    try (java.util.stream.Stream<Path> files = Files.list(work.resolve("out"))) {
      Path async = files.filter(f -> f.toString().endsWith("-async.jfr")).findFirst().orElseThrow();
      assertTrue(Files.size(async) > 0);
    }
    List<RecordedEvent> calls =
        Recordings.events(Recordings.only(work.resolve("out")), "perfweave.RpcCall");
    assertEquals(3, calls.size(), "the three calls made after attach");
    assertTrue(calls.stream().allMatch(e -> e.getString("site").equals("balance-read")));
  }

  private static String readAll(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
