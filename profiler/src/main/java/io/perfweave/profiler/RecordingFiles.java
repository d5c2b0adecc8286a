package io.perfweave.profiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Names of recording files, {@code <app>-<pid>-<timestamp>[-<n>].jfr} (async-profiler's with an
 * {@code -async} suffix), and, under rotation, the deletion of the oldest JDK recordings this
 * process made (in the order it made them: file times are copied from JFR's chunks and do not
 * tell).
 */
public final class RecordingFiles {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path directory;
  private final String prefix;
  private final Deque<Path> recordings = new ArrayDeque<>();

  public RecordingFiles(Path directory, String app) {
    this.directory = directory;
    this.prefix = app + "-" + ProcessHandle.current().pid() + "-";
  }

  /** A new file name, not used before, with the given suffix before {@code .jfr}. */
  public synchronized Path next(String suffix) {
    String base = prefix + LocalDateTime.now().format(STAMP);
    Path candidate = directory.resolve(base + suffix + ".jfr");
    for (int n = 2; Files.exists(candidate) || recordings.contains(candidate); n++) {
      candidate = directory.resolve(base + "-" + n + suffix + ".jfr");
    }
    if (suffix.isEmpty()) {
      recordings.addLast(candidate);
    }
    return candidate;
  }

  /** Deletes the oldest JDK recordings until at most {@code keep} remain, the running one included. */
  synchronized void prune(int keep) throws IOException {
    while (recordings.size() > keep) {
      Files.deleteIfExists(recordings.removeFirst());
    }
  }
}
