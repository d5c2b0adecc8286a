package io.perfweave.profiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The agent's JFR recording: the JDK's "profile" settings plus perfweave's events, bounded by
 * size and age, written to {@code <output>/<app>-<pid>-<timestamp>.jfr} when the JVM exits.
 */
public final class JfrRecorder {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final String[] PERFWEAVE_EVENTS = {
    "perfweave.RpcCall", "perfweave.RetryAttempt", "perfweave.AgentStats"
  };

  private final Recording recording;
  private final Path destination;

  private JfrRecorder(Recording recording, Path destination) {
    this.recording = recording;
    this.destination = destination;
  }

  /**
   * Starts the recording; returns empty, after one warning on stderr, when the output directory
   * cannot be written or JFR is unavailable, so that the application runs on unrecorded.
   */
  public static Optional<JfrRecorder> start(JfrConfig config, Path outputDir, String app) {
    Path destination =
        outputDir.resolve(
            app + "-" + ProcessHandle.current().pid() + "-" + LocalDateTime.now().format(STAMP) + ".jfr");
    try {
      Files.createDirectories(outputDir);
      if (!Files.isWritable(outputDir)) {
        throw new IOException("not writable");
      }
      Recording recording = new Recording(Configuration.getConfiguration("profile"));
      recording.setName("perfweave");
      for (String event : PERFWEAVE_EVENTS) {
        recording.enable(event).withoutThreshold();
      }
      recording.setMaxSize(config.maxSizeBytes());
      recording.setMaxAge(config.maxAge());
      recording.setToDisk(true);
      recording.setDestination(destination);
      recording.setDumpOnExit(true);
      recording.start();
      return Optional.of(new JfrRecorder(recording, destination));
    } catch (IOException | ParseException | RuntimeException e) {
      System.err.println(
          "perfweave: warning: no JFR recording, " + outputDir + " cannot be written: " + e);
      return Optional.empty();
    }
  }

  /** Where the recording is written at exit. */
  public Path destination() {
    return destination;
  }

  /** The running recording. */
  public Recording recording() {
    return recording;
  }
}
