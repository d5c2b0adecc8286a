package io.perfweave.profiler;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * An async-profiler session writing JFR beside the JDK recording. The official
 * tools.profiler:async-profiler jar travels inside the agent jar unrelocated (its JNI methods are
 * bound to the class name one.profiler.AsyncProfiler) and is loaded by a class loader of its own,
 * so it never meets an async-profiler of the application's. Every way it can fail ends in one
 * warning and a JFR-only run.
 */
public final class AsyncProfilerSession {

  static final String BUNDLED_JAR = "/META-INF/perfweave/async-profiler.jar";

  private final Object profiler;
  private final Method execute;
  private final Path destination;
  private final String cpuEngine;

  private AsyncProfilerSession(Object profiler, Method execute, Path destination, String cpuEngine) {
    this.profiler = profiler;
    this.execute = execute;
    this.destination = destination;
    this.cpuEngine = cpuEngine;
  }

  /** Starts a session, or returns empty after one warning on stderr. */
  public static Optional<AsyncProfilerSession> start(
      AsyncProfilerConfig config, Path destination, boolean recordEnvironment) {
    String unsupported = unsupportedPlatform();
    if (unsupported != null) {
      return warn("async-profiler has no library for " + unsupported);
    }
    if (NativeLibraries.asyncProfilerLoaded()) {
      return warn("another async-profiler is already loaded in this JVM; perfweave leaves it alone");
    }
    try {
      Object profiler = load();
      Method execute = profiler.getClass().getMethod("execute", String.class);
      AsyncProfilerCommand command = new AsyncProfilerCommand(config, destination, recordEnvironment);
      String engine = startWithFallback(profiler, execute, command);
      return Optional.of(new AsyncProfilerSession(profiler, execute, destination, engine));
    } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError e) {
      return warn("async-profiler could not start: " + rootMessage(e));
    }
  }

  /** Where the session's JFR is written when it stops. */
  public Path destination() {
    return destination;
  }

  /** The CPU sampling engine in use: perf_events, ctimer, or none when CPU is not sampled. */
  public String cpuEngine() {
    return cpuEngine;
  }

  /** Stops sampling and writes the recording; warns once if that fails. */
  public void stop() {
    try {
      execute.invoke(profiler, "stop");
    } catch (ReflectiveOperationException | RuntimeException e) {
      System.err.println(
          "perfweave: warning: async-profiler could not write " + destination + ": " + rootMessage(e));
    }
  }

  private static String startWithFallback(Object profiler, Method execute, AsyncProfilerCommand command)
      throws ReflectiveOperationException {
    if (!command.samplesCpu()) {
      execute.invoke(profiler, command.start("none"));
      return "none";
    }
    boolean perfUnavailable = Boolean.getBoolean("perfweave.internal.perfEventsUnavailable");
    if (!perfUnavailable) {
      try {
        execute.invoke(profiler, command.start("cpu"));
        return "perf_events";
      } catch (InvocationTargetException e) {
        perfUnavailable = true;
      }
    }
    System.err.println(
        "perfweave: warning: perf events are not permitted here (see"
            + " /proc/sys/kernel/perf_event_paranoid, or the container's seccomp profile);"
            + " CPU sampling falls back to the ctimer engine, which sees Java and native frames"
            + " but not kernel ones");
    execute.invoke(profiler, command.start("ctimer"));
    return "ctimer";
  }

  private static Object load() throws IOException, ReflectiveOperationException {
    Path jar = TempFiles.create("async-profiler", ".jar");
    try (InputStream bundled = AsyncProfilerSession.class.getResourceAsStream(BUNDLED_JAR)) {
      if (bundled == null) {
        throw new IOException("the agent jar has no " + BUNDLED_JAR);
      }
      Files.copy(bundled, jar, StandardCopyOption.REPLACE_EXISTING);
    }
    // parent null: only the JDK and this jar, never the application's one.profiler classes
    ClassLoader isolated = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
    Class<?> type = Class.forName("one.profiler.AsyncProfiler", true, isolated);
    return type.getMethod("getInstance").invoke(null);
  }

  private static String unsupportedPlatform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    boolean linux = os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"));
    boolean mac = os.contains("mac");
    boolean forced = Boolean.getBoolean("perfweave.internal.unsupportedPlatform");
    return (linux || mac) && !forced ? null : os + "/" + arch;
  }

  private static <T> Optional<T> warn(String why) {
    System.err.println("perfweave: warning: " + why + "; recording JFR only");
    return Optional.empty();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.toString();
  }
}
