package io.perfweave.analyzer;

import java.io.IOException;
import java.nio.file.Path;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import one.jfr.JfrReader;
import one.jfr.event.Event;

/**
 * The baselines the analyzer's reading speed is compared with: a bare read of every event with
 * the JDK's consumer API (every event and stack resolved), and async-profiler's JfrReader (the
 * event types it knows, read positionally). Prints the number of events read.
 *
 * <p>Run by scripts/analyzer-bench.sh: {@code java -cp benchmarks/target/benchmarks.jar
 * io.perfweave.analyzer.ReaderBaselines consumer|jfrreader FILE}
 */
public final class ReaderBaselines {

  private ReaderBaselines() {}

  public static void main(String[] args) throws IOException {
    long[] read = args[0].equals("consumer") ? consumer(Path.of(args[1])) : jfrReader(args[1]);
    System.out.println(args[0] + " read " + read[0] + " events, " + read[1] + " stack frames or stack ids");
  }

  private static long[] consumer(Path file) throws IOException {
    long events = 0;
    long frames = 0;
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        events++;
        if (event.getStackTrace() != null) {
          frames += event.getStackTrace().getFrames().size();
        }
      }
    }
    return new long[] {events, frames};
  }

  private static long[] jfrReader(String file) throws IOException {
    long events = 0;
    long stackIds = 0;
    try (JfrReader reader = new JfrReader(file)) {
      for (Event event; (event = reader.readEvent()) != null; ) {
        events++;
        stackIds += event.stackTraceId;
      }
    }
    return new long[] {events, stackIds};
  }
}
