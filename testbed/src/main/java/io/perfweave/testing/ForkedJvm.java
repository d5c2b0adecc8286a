package io.perfweave.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs a testbed application in a forked JVM, with or without the real shaded agent jar. */
public final class ForkedJvm {

  public static final Path AGENT_JAR = Path.of(System.getProperty("perfweave.agentJar"));
  public static final Path TESTBED = Path.of(System.getProperty("perfweave.testbedDir"));

  private final Path javaHome;
  private final List<String> jvmOptions = new ArrayList<>();
  private final Map<String, String> environment = new TreeMap<>();
  private String mainClass;
  private final List<String> arguments = new ArrayList<>();
  private String stdin = "";
  private String libraries;

  public ForkedJvm(Path javaHome) {
    this.javaHome = javaHome;
  }

  public ForkedJvm withAgent(String arguments) {
    jvmOptions.add("-javaagent:" + AGENT_JAR + (arguments.isEmpty() ? "" : "=" + arguments));
    return this;
  }

  public ForkedJvm option(String option) {
    jvmOptions.add(option);
    return this;
  }

  public ForkedJvm env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** Adds the jars of {@code testbed/target/DIR} to the class path (one OkHttp version, say). */
  public ForkedJvm libraries(String dir) {
    this.libraries = dir;
    return this;
  }

  public ForkedJvm stdin(String text) {
    this.stdin = text;
    return this;
  }

  public ForkedJvm main(String className) {
    this.mainClass = className;
    return this;
  }

  public ForkedJvm args(Object... values) {
    for (Object value : values) {
      arguments.add(String.valueOf(value));
    }
    return this;
  }

  public Process start(Path workDir) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin/java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath());
    command.add(mainClass);
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("PERFWEAVE_"));
    builder.environment().putAll(environment);
    return builder.start();
  }

  public Result run(Path workDir) throws IOException, InterruptedException {
    Process process = start(workDir);
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    return Result.of(process);
  }

  private String classpath() throws IOException {
    List<Path> entries = new ArrayList<>(List.of(TESTBED.resolve("testbed.jar")));
    entries.addAll(jars(TESTBED.resolve("lib")));
    if (libraries != null) {
      entries.addAll(jars(TESTBED.resolve(libraries)));
    }
    return entries.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
  }

  private static List<Path> jars(Path dir) throws IOException {
    try (Stream<Path> jars = Files.list(dir)) {
      return jars.sorted().collect(Collectors.toList());
    }
  }

  /** What a finished JVM printed and how it exited. */
  public record Result(int exitCode, String stdout, String stderr) {

    public static Result of(Process process) throws IOException, InterruptedException {
      // read both streams beside the wait, so that neither pipe fills up and a JVM that never
      // exits fails the wait's time-out instead of blocking a read for good
      var out = readAll(process.getInputStream());
      var err = readAll(process.getErrorStream());
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("forked JVM did not finish in 120 s");
      }
      return new Result(process.exitValue(), out.join(), err.join());
    }

    private static java.util.concurrent.CompletableFuture<String> readAll(java.io.InputStream stream) {
      var text = new java.util.concurrent.CompletableFuture<String>();
      Thread reader =
          new Thread(
              () -> {
                try {
                  text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                  text.completeExceptionally(e);
                }
              });
      reader.setDaemon(true);
      reader.start();
      return text;
    }

    /**
     * This result, after checking that the JVM exited 0 with no transform or advice error, no
     * perfweave warning and no warning of the JVM's; an AssertionError naming what went wrong otherwise.
     */
    public Result requireClean() {
      // "VM warning": the JVM's own, such as class data sharing turned off by a boot class path append
      if (exitCode != 0
          || !stderr.contains("0 transform errors, 0 advice errors")
          || stderr.lines().anyMatch(l -> l.contains("perfweave: warning") || l.contains("VM warning:"))) {
        throw new AssertionError("not a clean run (exit " + exitCode + "):\n" + stderr);
      }
      return this;
    }

    /** stderr lines that start with "perfweave:". */
    public List<String> agentLines() {
      return stderr.lines().filter(l -> l.startsWith("perfweave:")).collect(Collectors.toList());
    }
  }
}
