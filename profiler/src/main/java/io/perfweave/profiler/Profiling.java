package io.perfweave.profiler;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * The recordings the agent runs for one JVM: the JDK recording and, beside it, async-profiler's.
 * Started before the application's main (or at attach), ended at exit.
 */
public final class Profiling {

  private final Optional<JfrRecorder> jfr;
  private final Optional<AsyncProfilerSession> asyncProfiler;

  private Profiling(Optional<JfrRecorder> jfr, Optional<AsyncProfilerSession> asyncProfiler) {
    this.jfr = jfr;
    this.asyncProfiler = asyncProfiler;
  }

  /**
   * Starts what the config asks for; whatever cannot start gives one warning and is left out.
   * async-profiler starts on a thread of its own while JFR starts here (each is some hundred
   * milliseconds of class loading and native set-up); JFR leaves out its own samplers of what
   * async-profiler is to sample (one sampler per kind) and turns them back on if it did not start.
   */
  public static Profiling start(ProfilingConfig config, Path outputDir, String app) {
    boolean wanted = config.jfr().enabled() || config.asyncProfiler().enabled();
    if (!wanted || !writable(outputDir)) {
      return new Profiling(Optional.empty(), Optional.empty());
    }
    Supplier<Optional<AsyncProfilerSession>> asyncProfilerStarted = startAsyncProfiler(config, outputDir, app);
    Set<String> sampledByAsyncProfiler =
        config.asyncProfiler().enabled() ? Set.copyOf(config.asyncProfiler().events()) : Set.of();
    Optional<JfrRecorder> jfr =
        config.jfr().enabled()
            ? JfrRecorder.start(config.jfr(), outputDir, app, sampledByAsyncProfiler)
            : Optional.empty();
    Optional<AsyncProfilerSession> asyncProfiler = asyncProfilerStarted.get();
    if (asyncProfiler.isEmpty()) {
      jfr.ifPresent(JfrRecorder::samplesItself);
    }
    return new Profiling(jfr, asyncProfiler);
  }

  /** async-profiler starting on a thread of its own, where the config asks for it; its session waited for when asked. */
  private static Supplier<Optional<AsyncProfilerSession>> startAsyncProfiler(
      ProfilingConfig config, Path outputDir, String app) {
    if (!config.asyncProfiler().enabled()) {
      return Optional::empty;
    }
    FutureTask<Optional<AsyncProfilerSession>> starting =
        new FutureTask<>(() -> AsyncProfilerSession.start(
            config.asyncProfiler(),
            new RecordingFiles(outputDir, app).next("-async"),
            config.jfr().recordEnvironment()));
    Thread thread = new Thread(starting, "perfweave-async-profiler-start");
    thread.setDaemon(true);
    thread.start();
    return () -> started(starting);
  }

  /**
   * Waits for async-profiler's start to end, through an interrupt (kept for the caller): given up
   * on, a session that started after all would be neither stopped at exit nor known to JFR, which
   * would sample the same things again.
   */
  private static Optional<AsyncProfilerSession> started(FutureTask<Optional<AsyncProfilerSession>> starting) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return starting.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      System.err.println("perfweave: warning: async-profiler could not start: " + e.getCause());
      return Optional.empty();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Stops async-profiler (JFR writes its own file at exit) and says where the files are. */
  public void stopAtExit() {
    asyncProfiler.ifPresent(AsyncProfilerSession::stop);
    jfr.ifPresent(Profiling::sayWhereItIs);
    asyncProfiler.ifPresent(
        s ->
            System.err.println(
                "perfweave: async-profiler recording: "
                    + s.destination().toAbsolutePath()
                    + " (CPU engine: " + s.cpuEngine() + ")"));
  }

  /** Names the recording only when it was written whole; otherwise what went wrong. */
  private static void sayWhereItIs(JfrRecorder recorder) {
    String problem = recorder.finishAtExit();
    Path file = recorder.destination().toAbsolutePath();
    System.err.println(
        problem == null
            ? "perfweave: JFR recording: " + file
            : "perfweave: warning: the JFR recording was not written whole: " + file + ": " + problem
                + " (a full disk, or an I/O error); what it holds is readable up to there");
  }

  private static boolean writable(Path outputDir) {
    try {
      JfrRecorder.OutputDirectory.require(outputDir);
      return true;
    } catch (java.io.IOException e) {
      System.err.println(
          "perfweave: warning: no recordings, " + outputDir + " cannot be written (" + e
              + "); the application runs on, timed but unrecorded");
      return false;
    }
  }
}
