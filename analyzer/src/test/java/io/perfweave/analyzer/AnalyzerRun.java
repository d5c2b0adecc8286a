package io.perfweave.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the real perfweave-analyzer.jar in its own JVM and reads what it wrote. */
record AnalyzerRun(int exitCode, String stdout, String stderr) {

  static final Path JAR = Path.of(System.getProperty("perfweave.analyzerJar"));

  static AnalyzerRun of(String... args) throws IOException, InterruptedException {
    return withOptions(List.of(), args);
  }

  /** The analyzer with JVM options before {@code -jar} ({@code -Dperfweave.analyzer.reader=consumer}, say). */
  static AnalyzerRun withOptions(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    CompletableFuture<String> err =
        CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    String out = read(process.getInputStream());
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("analyzer did not finish");
    }
    return new AnalyzerRun(process.exitValue(), out, err.join());
  }

  static JsonNode report(Path out) throws IOException {
    return new ObjectMapper().readTree(out.resolve("report.json").toFile());
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
