package io.perfweave.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bad config gives one error line naming file, line and key, and the application runs
 * uninstrumented with its normal output (or the JVM stops, with failFast).
 */
final class BadConfigIT {

  private static final String SITE_HEAD =
      "sites:\n  - name: balance-read\n    match: { type: com.example.testbed.NodeClient, method: getBalance }\n";

  @TempDir Path work;
  private String normalOutput;

  @BeforeEach
  void runWithoutAgent() throws Exception {
    Path plain = Files.createDirectories(work.resolve("plain"));
    ForkedJvm.Result result =
        new ForkedJvm(Jdks.all().get(0)).main("com.example.testbed.TimedApp").run(plain);
    normalOutput = result.stdout();
  }

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        Arguments.of(
            "unknown key",
            "output: out\n" + SITE_HEAD + "    idempotnt: true\n",
            "sites[0].idempotnt is not a known key",
            ":5)"),
        Arguments.of(
            "bad duration",
            "output: out\nprofiling:\n  jfr:\n    maxAge: 30 minutes\n",
            "profiling.jfr.maxAge must be a duration like 250ms, 2s, 5m or 1h, was '30 minutes'",
            ":4)"),
        Arguments.of(
            "type pattern matching everything",
            "output: out\nsites:\n  - name: all\n    match: { type: \"**\", method: get }\n",
            "sites[0].match.type would match every type",
            ":4)"),
        Arguments.of(
            "retry on a site not declared idempotent",
            "output: out\n" + SITE_HEAD + "    retry: { maxAttempts: 3 }\n",
            "sites[0].retry requires idempotent: true",
            ":5)"),
        Arguments.of(
            "invalid value in a record",
            "output: out\n" + SITE_HEAD + "    idempotent: true\n    retry:\n      maxAttempts: 0\n",
            "sites[0].retry.maxAttempts must be at least 1, was 0",
            ":7)"),
        Arguments.of(
            "a JDK class perfweave itself calls (would recurse and hang the host)",
            "output: out\nsites:\n  - name: str\n    match: { type: java.lang.String, method: \"*\" }\n",
            "sites[0].match.type names java.lang.String, in java.lang.*, a JDK package perfweave"
                + " itself calls",
            ":4)"),
        Arguments.of(
            "a pattern reaching into those JDK packages",
            "output: out\nsites:\n  - name: jdk\n    match: { type: \"java.**\", method: hashCode }\n",
            "sites[0].match.type names java., in java.lang.*",
            ":4)"),
        Arguments.of(
            "subtypes of java.lang.Object",
            "output: out\nsites:\n  - name: all\n    match: { subtypesOf: java.lang.Object, method: \"*\" }\n",
            "sites[0].match.subtypesOf names java.lang.Object, in java.lang.*",
            ":4)"),
        Arguments.of(
            "not YAML",
            "output: out\nsites: [\n",
            "config is not valid YAML",
            ".yaml:"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void badConfig_oneErrorLineAndAppRunsUninstrumented(
      String name, String yaml, String expected, String location) throws Exception {
    Path config = work.resolve("perfweave.yaml");
    Files.writeString(config, yaml);

    ForkedJvm.Result result = runWithAgent("config=" + config);

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(normalOutput, result.stdout());
    List<String> errors = errorLines(result);
    assertEquals(1, errors.size(), result.stderr());
    assertTrue(errors.get(0).contains(expected), errors.get(0));
    assertTrue(errors.get(0).contains(config.toString()), "names the file: " + errors.get(0));
    assertTrue(errors.get(0).contains(location), "names the line: " + errors.get(0));
    assertFalse(Files.exists(work.resolve("out")), "uninstrumented: nothing recorded");
    assertFalse(result.stderr().contains("call sites (whole run)"), result.stderr());
  }

  @Test
  void patternWiderThanMaxTypes_weavesNoMore_withOneWarning() throws Exception {
    Path config = work.resolve("perfweave.yaml");
    Files.writeString(
        config,
        "output: out\nsites:\n  - name: wide\n"
            + "    match: { type: \"com.example.testbed.*\", method: \"*\", maxTypes: 1 }\n");

    ForkedJvm.Result result = runWithAgent("config=" + config);

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(normalOutput, result.stdout());
    List<String> warnings =
        result.stderr().lines().filter(l -> l.contains("site wide matches more than 1 types")).toList();
    assertEquals(1, warnings.size(), result.stderr());
    assertTrue(result.stderr().contains("perfweave: 1 classes transformed, 0 transform errors, 0 advice errors"),
        result.stderr());
  }

  @Test
  void systemPropertyOverride_badValueNamesTheProperty() throws Exception {
    ForkedJvm.Result result =
        new ForkedJvm(Jdks.all().get(0))
            .withAgent("")
            .option("-Dperfweave.profiling.jfr.maxSize=huge")
            .main("com.example.testbed.TimedApp")
            .run(work);

    assertEquals(normalOutput, result.stdout());
    List<String> errors = errorLines(result);
    assertEquals(1, errors.size(), result.stderr());
    assertTrue(errors.get(0).contains("profiling.jfr.maxSize must be a size"), errors.get(0));
    assertTrue(errors.get(0).contains("(-Dperfweave.profiling.jfr.maxSize)"), errors.get(0));
  }

  @Test
  void missingFile_oneError() throws Exception {
    ForkedJvm.Result result = runWithAgent("config=" + work.resolve("absent.yaml"));

    assertEquals(0, result.exitCode());
    assertEquals(normalOutput, result.stdout());
    assertEquals(1, errorLines(result).size(), result.stderr());
    assertTrue(errorLines(result).get(0).contains("absent.yaml cannot be read"), result.stderr());
  }

  @Test
  void failFast_stopsTheJvm() throws Exception {
    Path config = work.resolve("perfweave.yaml");
    Files.writeString(config, "failFast: true\noutput: out\nunknown: 1\n");

    ForkedJvm.Result result = runWithAgent("config=" + config);

    assertNotEquals(0, result.exitCode());
    assertEquals("", result.stdout(), "main never ran");
    assertTrue(errorLines(result).get(0).contains("unknown is not a known key"), result.stderr());
  }

  private ForkedJvm.Result runWithAgent(String arguments) throws Exception {
    return new ForkedJvm(Jdks.all().get(0))
        .withAgent(arguments)
        .main("com.example.testbed.TimedApp")
        .run(work);
  }

  private static List<String> errorLines(ForkedJvm.Result result) {
    return result.stderr().lines()
        .filter(l -> l.startsWith("perfweave: config error:"))
        .collect(Collectors.toList());
  }
}
