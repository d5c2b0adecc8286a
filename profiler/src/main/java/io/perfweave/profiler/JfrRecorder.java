package io.perfweave.profiler;

import io.perfweave.contract.Events;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;

/**
 * The agent's JFR recording, named {@code perfweave} (so {@code jcmd <pid> JFR.dump
 * name=perfweave} works): the JDK's "default" settings (or "profile"), perfweave's events, and
 * every thrown exception; bounded by size and age; written to {@code <output>/<app>-<pid>-<timestamp>.jfr} at
 * exit, or, with rotation, closed into a new file every {@code rotate}, keeping the newest {@code
 * keep}.
 */
public final class JfrRecorder {

  /** The recording's name, for jcmd. */
  public static final String NAME = "perfweave";

  private static final long WHOLE_FILE_WAIT_NANOS = 5_000_000_000L;
  private static final long GROWTH_QUIET_NANOS = 1_000_000_000L;
  private static final long LONGEST_WAIT_NANOS = 60_000_000_000L;

  /** JFR's own samplers, by the async-profiler event that samples the same thing. */
  private static final Map<String, List<String>> SAMPLERS =
      Map.of(
          "cpu", List.of("jdk.ExecutionSample", "jdk.NativeMethodSample"),
          "alloc",
          List.of("jdk.ObjectAllocationSample", "jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB"),
          "lock", List.of("jdk.JavaMonitorEnter", "jdk.ThreadPark"));

  private final JfrConfig config;
  private final RecordingFiles files;
  private final List<String> sampledElsewhere;
  private Recording current;
  // read at exit without the lock: a rotation that JFR's own exit left hanging holds it for good
  private volatile Path destination;
  private volatile boolean exiting;
  private ScheduledExecutorService rotation;
  private boolean rotationProblemSaid;

  private JfrRecorder(JfrConfig config, RecordingFiles files, Set<String> asyncProfilerEvents) {
    this.config = config;
    this.files = files;
    this.sampledElsewhere = new ArrayList<>();
    asyncProfilerEvents.forEach(event -> sampledElsewhere.addAll(SAMPLERS.getOrDefault(event, List.of())));
  }

  /**
   * Starts the recording in a directory already known to be writable; returns empty, after one
   * warning on stderr, when JFR cannot start, so that the application runs on unrecorded. JFR's
   * own samplers of what async-profiler already samples ({@code asyncProfilerEvents}: cpu, alloc,
   * lock) are left off: one sampler per kind, and the analyzer reads async-profiler's where it has
   * them.
   */
  public static Optional<JfrRecorder> start(
      JfrConfig config, Path outputDir, String app, Set<String> asyncProfilerEvents) {
    try {
      ChunkSize.fitTo(config.maxSizeBytes());
      JfrRecorder recorder =
          new JfrRecorder(config, new RecordingFiles(outputDir, app), asyncProfilerEvents);
      recorder.current = recorder.begin(recorder.files.next(""));
      TempFiles.noteRepository();
      if (!config.rotate().isZero()) {
        recorder.scheduleRotation();
      }
      return Optional.of(recorder);
    } catch (IOException | ParseException | RuntimeException e) {
      System.err.println("perfweave: warning: no JFR recording, it could not start: " + e);
      return Optional.empty();
    }
  }

  /** Where the current recording is written when it ends. */
  public Path destination() {
    return destination;
  }

  /**
   * Waits at exit for JFR's own exit hook to write the recording's file ({@code dumpOnExit}) and
   * says what is wrong with the file, or null when it is whole. The recording is not stopped
   * here: stopping it beside that hook races it, and the hook, seeing the recording no longer
   * running, clears the repository while the chunks are still being written. The wait ends when
   * the file is whole, or when it has stopped growing after a few seconds (a full disk).
   */
  String finishAtExit() {
    exiting = true;
    if (rotation != null) {
      rotation.shutdown();
    }
    long start = System.nanoTime();
    long lastSize = -1;
    long lastGrowth = start;
    String problem = RecordingCheck.problem(destination);
    while (problem != null) {
      long now = System.nanoTime();
      long size = sizeOf(destination);
      if (size != lastSize) {
        lastSize = size;
        lastGrowth = now;
      }
      boolean settled = now - start > WHOLE_FILE_WAIT_NANOS && now - lastGrowth > GROWTH_QUIET_NANOS;
      if (settled || now - start > LONGEST_WAIT_NANOS) {
        break;
      }
      try {
        // JFR's hook writes a short run's file in a few tens of milliseconds: look often
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      problem = RecordingCheck.problem(destination);
    }
    return problem;
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException | RuntimeException notYet) {
      return -1;
    }
  }

  /**
   * Closes the current recording into its file and starts the next, then prunes old files; says
   * once if a closed file was not written whole (a disk that filled up since the last rotation).
   */
  synchronized void rotate() throws IOException, ParseException {
    if (exiting || jvmExiting()) {
      // a recording started once JFR's exit hook has run never starts: its thread waits for good
      return;
    }
    Path closed = destination;
    // stop first: a new recording overlapping the old one can lose the chunk they share
    current.stop();
    current.close();
    String problem = RecordingCheck.problem(closed);
    if (problem != null && !rotationProblemSaid) {
      rotationProblemSaid = true;
      System.err.println("perfweave: warning: a rotated JFR recording was not written whole: " + closed
          + ": " + problem + " (a full disk, or an I/O error); said once, recording continues");
    }
    current = begin(files.next(""));
    files.prune(config.keep());
  }

  /**
   * async-profiler did not start after all: JFR's own samplers of what it was to sample are turned
   * back on, as the recording's settings have them, in this recording and the ones it rotates to.
   */
  synchronized void samplesItself() {
    if (sampledElsewhere.isEmpty()) {
      return;
    }
    try {
      Map<String, String> base = RecordingSettings.of(config.settings());
      Map<String, String> settings = new java.util.HashMap<>(current.getSettings());
      for (String event : sampledElsewhere) {
        base.forEach((key, value) -> {
          if (key.startsWith(event + "#")) {
            settings.put(key, value);
          }
        });
      }
      current.setSettings(settings);
      sampledElsewhere.clear();
    } catch (IOException | ParseException | RuntimeException e) {
      System.err.println("perfweave: warning: JFR's own samplers could not be turned on: " + e);
    }
  }

  private Recording begin(Path file) throws IOException, ParseException {
    Recording recording = new Recording(RecordingSettings.of(config.settings()));
    recording.setName(NAME);
    for (String event : Events.ALL) {
      recording.enable(event).withoutThreshold();
    }
    // the analyzer looks for exceptions used as control flow; "profile" records errors only
    recording.enable("jdk.JavaExceptionThrow").withStackTrace();
    sampledElsewhere.forEach(recording::disable);
    if (!config.recordEnvironment()) {
      // environment variables, -D values and program arguments hold keys and passwords
      JfrConfig.ENVIRONMENT_EVENTS.forEach(recording::disable);
    }
    recording.setMaxSize(config.maxSizeBytes());
    recording.setMaxAge(config.maxAge());
    recording.setToDisk(true);
    recording.setDestination(file);
    recording.setDumpOnExit(true);
    recording.start();
    destination = file;
    return recording;
  }

  /** Whether the JVM has begun to exit (its shutdown hooks run): it then takes no new hook. */
  private static boolean jvmExiting() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException exitBegun) {
      return true;
    }
  }

  private void scheduleRotation() {
    rotation =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "perfweave-jfr-rotation");
              thread.setDaemon(true);
              return thread;
            });
    long every = config.rotate().toMillis();
    rotation.scheduleAtFixedRate(this::rotateOrWarn, every, every, TimeUnit.MILLISECONDS);
  }

  private void rotateOrWarn() {
    try {
      rotate();
    } catch (IOException | ParseException | RuntimeException e) {
      System.err.println("perfweave: warning: JFR rotation failed, recording continues: " + e);
    }
  }

  /** Checks that recordings can be written in a directory. */
  static final class OutputDirectory {
    private OutputDirectory() {}

    static void require(Path directory) throws IOException {
      Files.createDirectories(directory);
      if (!Files.isWritable(directory)) {
        throw new IOException("not writable");
      }
    }
  }
}
