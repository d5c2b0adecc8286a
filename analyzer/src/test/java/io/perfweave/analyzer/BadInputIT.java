package io.perfweave.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: one clear line on stderr, exit code 2, never a stack trace; partial where possible. */
final class BadInputIT {

  @TempDir Path work;

  @Test
  void notJfr_exit2WithOneLine() throws Exception {
    Path text = Files.writeString(work.resolve("notes.jfr"), "this is not a recording\n");
    AnalyzerRun run = analyze(text.toString());

    assertBadInput(run, "notes.jfr: is not a JFR recording");
  }

  @Test
  void emptyFile_exit2() throws Exception {
    Path empty = Files.createFile(work.resolve("empty.jfr"));
    assertBadInput(analyze(empty.toString()), "empty.jfr: is empty");
  }

  @Test
  void missingPath_exit2() throws Exception {
    assertBadInput(analyze(work.resolve("absent.jfr").toString()), "absent.jfr: does not exist");
  }

  @Test
  void directoryWithoutRecordings_exit2() throws Exception {
    Path dir = Files.createDirectories(work.resolve("nothing-here"));
    assertBadInput(analyze(dir.toString()), "nothing-here: no .jfr recordings in this directory");
  }

  @Test
  void noArguments_exit2WithUsage() throws Exception {
    AnalyzerRun run = AnalyzerRun.of("analyze");
    assertEquals(2, run.exitCode());
    assertFalse(run.stderr().contains("Exception"), run.stderr());
  }

  @Test
  void unwritableOut_exit2WithOneLine() throws Exception {
    Path inTheWay = Files.writeString(work.resolve("in-the-way"), "a file, not a directory\n");
    AnalyzerRun run = AnalyzerRun.of("analyze", work.toString(), "--out", inTheWay.resolve("report").toString());
    assertEquals(2, run.exitCode(), run.stderr());
    assertEquals(1, run.stderr().lines().count(), run.stderr());
    assertTrue(run.stderr().startsWith("perfweave-analyzer: cannot write the reports to "), run.stderr());
    assertFalse(run.stderr().contains("Exception"), run.stderr());
  }

  @Test
  void goodRecordingWithBadFiles_partialReportNamesWhatWasSkipped() throws Exception {
    Path recording = recordHotApp("50", "200");
    Path random = Files.write(work.resolve("random.jfr"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    Path empty = Files.createFile(work.resolve("empty.jfr"));

    AnalyzerRun run = analyze(recording.toString(), random.toString(), empty.toString());

    assertEquals(2, run.exitCode(), run.stderr());
    JsonNode report = AnalyzerRun.report(work.resolve("report"));
    assertTrue(report.get("partial").asBoolean(), "partial: true");
    List<String> skipped = new ArrayList<>();
    report.get("run").get("files").forEach(f -> {
      if (f.get("kind").asText().equals("skipped")) {
        skipped.add(f.get("path").asText() + " " + f.get("problem").asText());
      }
    });
    assertEquals(2, skipped.size(), skipped.toString());
    assertTrue(skipped.stream().anyMatch(s -> s.contains("random.jfr is not a JFR recording")), skipped.toString());
    assertTrue(skipped.stream().anyMatch(s -> s.contains("empty.jfr is empty")), skipped.toString());
  }

  @Test
  void unknownThreshold_exit2NamingIt() throws Exception {
    AnalyzerRun run =
        AnalyzerRun.of("analyze", work.toString(), "--out", work.resolve("r").toString(),
            "--threshold", "cache.minCals=3");
    assertEquals(2, run.exitCode(), run.stderr());
    assertTrue(run.stderr().startsWith("--threshold cache.minCals is not a threshold; known: ["), run.stderr());
    assertFalse(run.stderr().contains("Exception"), run.stderr());
  }

  @Test
  void truncatedRecording_partialReportAndExit2() throws Exception {
    Path whole = recordHotApp("300", "2000");
    byte[] bytes = Files.readAllBytes(whole);
    Path truncated = Files.write(work.resolve("truncated.jfr"), Arrays.copyOf(bytes, bytes.length * 2 / 3));

    AnalyzerRun run = analyze(truncated.toString());

    assertEquals(2, run.exitCode(), run.stderr());
    assertTrue(run.stderr().contains("truncated.jfr: truncated"), run.stderr());
    assertFalse(run.stderr().contains("\tat "), "no stack trace: " + run.stderr());
    assertTrue(AnalyzerRun.report(work.resolve("report")).path("partial").asBoolean());
  }

  @Test
  void oneBadAmongGood_reportOfTheGoodAndExit2() throws Exception {
    Path text = Files.writeString(work.resolve("bad.jfr"), "nope");
    Path recording = work.resolve("good.jfr");
    ForkedJvm.Result result = new ForkedJvm(Jdks.all().get(0))
        .option("-XX:StartFlightRecording=filename=" + recording)
        .main("com.example.testbed.TimedApp").run(work);
    assertEquals(0, result.exitCode(), result.stderr());

    AnalyzerRun run = analyze(text.toString(), recording.toString());

    assertEquals(2, run.exitCode());
    assertTrue(run.stderr().contains("bad.jfr: is not a JFR recording"), run.stderr());
    assertTrue(Files.exists(work.resolve("report/report.json")));
  }

  /** A recording of HotApp (running {@code millis}, making {@code calls}), one site, JFR only. */
  private Path recordHotApp(String millis, String calls) throws Exception {
    Path config = Files.writeString(work.resolve("c.yaml"), "output: out\nprofiling:\n  asyncProfiler: { enabled: false }\n"
        + "sites:\n  - name: b\n    match: { type: com.example.testbed.NodeClient, method: getBalance }\n");
    ForkedJvm.Result result = new ForkedJvm(Jdks.all().get(0)).withAgent("config=" + config)
        .main("com.example.testbed.HotApp").args(millis, calls).run(work);
    assertEquals(0, result.exitCode(), result.stderr());
    Path recording;
    try (var files = Files.list(work.resolve("out"))) {
      recording = files.filter(f -> f.toString().endsWith(".jfr")).findFirst().orElseThrow();
    }
    assertTrue(Files.size(recording) > 0, "the agent wrote its recording: " + result.stderr());
    return recording;
  }

  private AnalyzerRun analyze(String... inputs) throws Exception {
    String[] args = new String[inputs.length + 3];
    args[0] = "analyze";
    System.arraycopy(inputs, 0, args, 1, inputs.length);
    args[inputs.length + 1] = "--out";
    args[inputs.length + 2] = work.resolve("report").toString();
    return AnalyzerRun.of(args);
  }

  private static void assertBadInput(AnalyzerRun run, String message) {
    assertEquals(2, run.exitCode(), run.stderr());
    assertEquals(1, run.stderr().lines().count(), run.stderr());
    assertTrue(run.stderr().contains(message), run.stderr());
    assertFalse(run.stderr().contains("\tat "), run.stderr());
  }
}
