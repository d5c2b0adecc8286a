package io.perfweave.profiler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * perfweave's temp files (the bridge jar, async-profiler's jar, a note of where JFR keeps its
 * repository), named after the JVM that made them: each is deleted when its JVM exits, and what a
 * killed JVM left is deleted by the next run.
 */
public final class TempFiles {

  private static final String REPOSITORY_NOTE = "jfr-repository";

  private TempFiles() {}

  /** A new temp file {@code perfweave-<kind>-<pid>-*<suffix>}, deleted at exit. */
  public static Path create(String kind, String suffix) throws IOException {
    removeStale(kind);
    Path file =
        Files.createTempFile("perfweave-" + kind + "-" + ProcessHandle.current().pid() + "-", suffix);
    file.toFile().deleteOnExit();
    return file;
  }

  /**
   * Notes this JVM's JFR repository (the chunks JFR writes before the recording's file, which the
   * JDK deletes at a normal exit only), so that the next run deletes it if this JVM is killed;
   * first deletes the repositories that killed JVMs noted.
   */
  static void noteRepository() {
    removeStale(REPOSITORY_NOTE);
    String repository = System.getProperty("jdk.jfr.repository");
    if (repository == null) {
      return;
    }
    try {
      Files.writeString(create(REPOSITORY_NOTE, ".txt"), repository, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException ignored) {
      // without the note, a killed JVM's repository is left as the JDK leaves it
    }
  }

  /** Deletes the {@code kind} files whose JVM no longer runs. Never fails: it is only tidying. */
  static void removeStale(String kind) {
    Path directory = Path.of(System.getProperty("java.io.tmpdir"));
    String prefix = "perfweave-" + kind + "-";
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix + "*")) {
      for (Path file : files) {
        long pid = pid(file.getFileName().toString().substring(prefix.length()));
        if (pid > 0 && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
          remove(file, kind, pid);
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // a temp directory we cannot list is left as it is
    }
  }

  private static void remove(Path file, String kind, long pid) {
    try {
      if (kind.equals(REPOSITORY_NOTE)) {
        removeRepository(file, pid);
      }
      Files.deleteIfExists(file);
    } catch (IOException | RuntimeException ignored) {
      // a file we cannot delete is left as it is
    }
  }

  /**
   * Deletes the chunks of the repository a note names, and the repository, only where it is what
   * JFR makes for that JVM: a directory named {@code <timestamp>_<pid>}.
   */
  private static void removeRepository(Path note, long pid) throws IOException {
    Path repository = Path.of(Files.readString(note, StandardCharsets.UTF_8).strip());
    if (!Files.isDirectory(repository) || !repository.getFileName().toString().endsWith("_" + pid)) {
      return;
    }
    try (DirectoryStream<Path> chunks = Files.newDirectoryStream(repository, "*.{jfr,part}")) {
      for (Path chunk : chunks) {
        Files.deleteIfExists(chunk);
      }
    }
    Files.deleteIfExists(repository);
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
