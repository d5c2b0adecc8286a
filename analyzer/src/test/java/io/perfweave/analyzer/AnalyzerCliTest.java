package io.perfweave.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyzer's command line for CI: exit codes, -o, --json, --quiet, --fail-on. */
final class AnalyzerCliTest {

  @TempDir Path work;

  private String stdout = "";
  private String stderr = "";

  @Test
  void onlyACommandThatReadsRecordings_startsTheJitDirective() {
    assertTrue(AnalyzerMain.readsRecordings("analyze", "perfweave-out", "-o", "report"));
    assertTrue(AnalyzerMain.readsRecordings("compare", "before", "after"));
    assertFalse(AnalyzerMain.readsRecordings());
    assertFalse(AnalyzerMain.readsRecordings("--help"));
    assertFalse(AnalyzerMain.readsRecordings("analyze", "--help"));
    assertFalse(AnalyzerMain.readsRecordings("analyse", "perfweave-out"));
  }

  @Test
  void noCommand_printsUsage_andExits2() {
    assertEquals(2, run());
    assertTrue(stderr.contains("Usage: perfweave-analyzer"), stderr);
  }

  @Test
  void unknownOption_exits2_withTheUsage() throws Exception {
    assertEquals(2, run("analyze", fixture(), "--no-such-option"));
    assertTrue(stderr.contains("Unknown option") && stderr.contains("Usage:"), stderr);
  }

  @Test
  void json_printsReportJsonOnStdout_writtenTo_o() throws Exception {
    Path out = work.resolve("r");
    assertEquals(0, run("analyze", fixture(), "-o", out.toString(), "--json"));
    JsonNode printed = new ObjectMapper().readTree(stdout);
    assertEquals(2, printed.path("schemaVersion").asInt());
    assertEquals(printed, new ObjectMapper().readTree(out.resolve("report.json").toFile()));
  }

  @Test
  void summaryOnly_thenMerge_ofItselfTwice_countsItTwice() throws Exception {
    Path summary = work.resolve("s");
    assertEquals(0, run("analyze", "--summary-only", fixture(), "-o", summary.toString()));
    JsonNode one = new ObjectMapper().readTree(summary.resolve("model.json").toFile());
    assertEquals("perfweave-model-summary/1", one.path("format").asText());

    Path fleet = work.resolve("m");
    assertEquals(0, run("analyze", "--merge", summary.toString(), summary.resolve("model.json").toString(), "-o", fleet.toString()));
    JsonNode merged = new ObjectMapper().readTree(fleet.resolve("model.json").toFile());
    assertEquals(2 * one.path("jvms").size(), merged.path("jvms").size());
    one.path("sites").fields().forEachRemaining(site ->
        assertEquals(2 * site.getValue().path("calls").asLong(), merged.path("sites").path(site.getKey()).path("calls").asLong()));
  }

  @Test
  void merge_ofARecording_isBadInput_exit2_saidPlainly() throws Exception {
    assertEquals(2, run("analyze", "--merge", fixture(), "-o", work.resolve("bad").toString()));
    assertTrue(stderr.contains("not a summary written by analyze --summary-only"), stderr);
    assertFalse(stderr.contains("\tat "), stderr);
    assertEquals(2, run("analyze", "--merge", "--summary-only", fixture()));
  }

  @Test
  void quiet_printsNothingOnStdout() throws Exception {
    assertEquals(0, run("analyze", fixture(), "-o", work.resolve("q").toString(), "--quiet"));
    assertEquals("", stdout);
  }

  @Test
  void failOn_exits3_whenAFindingIsThatSevere() throws Exception {
    JsonNode report = analyzeFixture();
    boolean anyFinding = report.path("recommendations").size() > 0;
    assertTrue(anyFinding, "the fixture has findings");
    assertEquals(3, run("analyze", fixture(), "-o", work.resolve("f").toString(), "--fail-on", "info"));
    assertTrue(stderr.contains("--fail-on info:"), stderr);
    boolean critical = false;
    for (JsonNode finding : report.path("recommendations")) {
      critical |= finding.path("severity").asText().equals("CRITICAL");
    }
    assertEquals(critical ? 3 : 0, run("analyze", fixture(), "-o", work.resolve("c").toString(), "--fail-on", "CRITICAL"));
  }

  @Test
  void compare_sameRunTwice_noRegression_exit0() throws Exception {
    assertEquals(0, run("compare", fixture(), fixture(), "-o", work.resolve("c").toString(), "--fail-on-regression", "5"));
    assertTrue(Files.exists(work.resolve("c/compare.json")));
  }

  private JsonNode analyzeFixture() throws Exception {
    assertEquals(0, run("analyze", fixture(), "-o", work.resolve("base").toString(), "--quiet"));
    return new ObjectMapper().readTree(work.resolve("base/report.json").toFile());
  }

  private int run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
    ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
      return AnalyzerMain.execute(args);
    } finally {
      System.setOut(out);
      System.setErr(err);
      stdout = capturedOut.toString(StandardCharsets.UTF_8);
      stderr = capturedErr.toString(StandardCharsets.UTF_8);
    }
  }

  private static String fixture() throws Exception {
    return Path.of(AnalyzerCliTest.class.getResource("/recordings/agent-0.1.jfr").toURI()).toString();
  }
}
