package io.perfweave.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar perfweave-agent.jar validate CONFIG}: a config checked without an application. */
final class ValidateCommandIT {

  @TempDir Path work;

  @Test
  void goodConfig_exit0_sayingWhatItHas() throws Exception {
    Path config = Files.writeString(work.resolve("good.yaml"),
        "output: out\nsites:\n  - name: a\n    match: { type: com.example.A, method: get }\n    idempotent: true\n"
            + "    cache: { ttl: 2s }\n");
    String[] result = run("validate", config.toString());
    assertEquals("0", result[0], result[1]);
    assertTrue(result[1].contains("is valid: 1 site(s)"), result[1]);
  }

  @Test
  void badConfig_exit2_withFileLineAndKey() throws Exception {
    Path config = Files.writeString(work.resolve("bad.yaml"),
        "output: out\nsites:\n  - name: a\n    match: { type: com.example.A, method: get }\n    idempotent: true\n"
            + "    retry: { maxAttempts: 0 }\n");
    String[] result = run("validate", config.toString());
    assertEquals("2", result[0], result[1]);
    assertTrue(result[1].contains("sites[0].retry.maxAttempts must be at least 1") && result[1].contains("bad.yaml:6"), result[1]);
  }

  @Test
  void severalErrors_eachSaid_oneLineEach() throws Exception {
    Path config = Files.writeString(work.resolve("several.yaml"),
        "output: out\n"
            + "colour: blue\n"
            + "profiling:\n  jfr: { maxSize: lots }\n"
            + "sites:\n"
            + "  - name: a\n    match: { type: com.example.A, method: get }\n    retry: { maxAttempts: 2 }\n"
            + "  - name: b\n    match: { type: com.example.B, method: get }\n    idempotent: true\n"
            + "    cache: { ttl: -1s }\n"
            + "metrics:\n  prometheus: { port: 70000 }\n");
    String[] result = run("validate", config.toString());
    assertEquals("2", result[0], result[1]);
    List<String> lines = result[1].lines().filter(l -> l.startsWith("perfweave: config error: ")).toList();
    assertEquals(5, lines.size(), result[1]);
    assertTrue(lines.get(0).contains("colour") && lines.get(0).contains("several.yaml:2"), lines.get(0));
    assertTrue(lines.get(1).contains("profiling.jfr.maxSize") && lines.get(1).contains("several.yaml:4"), lines.get(1));
    assertTrue(lines.get(2).contains("sites[0].retry") && lines.get(2).contains("several.yaml:"), lines.get(2));
    assertTrue(lines.get(3).contains("sites[1].cache.ttl") && lines.get(3).contains("several.yaml:"), lines.get(3));
    assertTrue(lines.get(4).contains("metrics.prometheus.port") && lines.get(4).contains("several.yaml:14"), lines.get(4));
  }

  @Test
  void noCommand_usage_exit2() throws Exception {
    String[] result = run();
    assertEquals("2", result[0], result[1]);
    assertTrue(result[1].contains("usage: java -jar perfweave-agent.jar attach PID"), result[1]);
  }

  /** The exit code and what the command printed. */
  private String[] run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Jdks.current().resolve("bin/java").toString(), "-jar", ForkedJvm.AGENT_JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return new String[] {Integer.toString(process.exitValue()), said};
  }
}
