package io.perfweave.profiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What native libraries this process has mapped, read from /proc/self/maps where there is one. */
final class NativeLibraries {

  private static final Path MAPS = Path.of("/proc/self/maps");

  private NativeLibraries() {}

  static boolean asyncProfilerLoaded() {
    if (!Files.isReadable(MAPS)) {
      return false;
    }
    try (Stream<String> lines = Files.lines(MAPS)) {
      return lines.anyMatch(line -> line.contains("libasyncProfiler"));
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }
}
