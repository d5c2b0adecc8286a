package io.perfweave.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** Reads the recordings a forked JVM left in its output directory. */
public final class Recordings {

  private Recordings() {}

  /** The one JDK recording (not async-profiler's) in an output directory. */
  public static Path only(Path outputDir) throws IOException {
    try (Stream<Path> files = Files.list(outputDir)) {
      List<Path> jfr =
          files
              .filter(f -> f.toString().endsWith(".jfr") && !f.toString().endsWith("-async.jfr"))
              .collect(Collectors.toList());
      if (jfr.size() != 1) {
        throw new AssertionError("expected one recording in " + outputDir + ", found " + jfr);
      }
      return jfr.get(0);
    }
  }

  public static List<RecordedEvent> events(Path recording, String type) throws IOException {
    return RecordingFile.readAllEvents(recording).stream()
        .filter(e -> e.getEventType().getName().equals(type))
        .collect(Collectors.toList());
  }
}
