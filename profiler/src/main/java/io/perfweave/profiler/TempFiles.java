package io.perfweave.profiler;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * perfweave's temp files (the bridge jar, async-profiler's jar), named after the JVM that made
 * them: each is deleted when its JVM exits, and what a killed JVM left is deleted by the next run.
 */
public final class TempFiles {

  private TempFiles() {}

  /** A new temp file {@code perfweave-<kind>-<pid>-*<suffix>}, deleted at exit. */
  public static Path create(String kind, String suffix) throws IOException {
    removeStale(kind);
    Path file =
        Files.createTempFile("perfweave-" + kind + "-" + ProcessHandle.current().pid() + "-", suffix);
    file.toFile().deleteOnExit();
    return file;
  }

  /** Deletes the {@code kind} files whose JVM no longer runs. Never fails: it is only tidying. */
  static void removeStale(String kind) {
    Path directory = Path.of(System.getProperty("java.io.tmpdir"));
    String prefix = "perfweave-" + kind + "-";
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix + "*")) {
      for (Path file : files) {
        long pid = pid(file.getFileName().toString().substring(prefix.length()));
        if (pid > 0 && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // a temp directory we cannot list or a file we cannot delete is left as it is
    }
  }

  private static long pid(String rest) {
    int dash = rest.indexOf('-');
    try {
      return dash < 0 ? -1 : Long.parseLong(rest.substring(0, dash));
    } catch (NumberFormatException notOurs) {
      return -1;
    }
  }
}
