package io.perfweave.analyzer;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The {@code --out} directory, made and checked before any input is read. */
final class OutputDirectory {

  private OutputDirectory() {}

  /**
   * Creates {@code out} where needed; false, after one line on stderr saying why, when the reports
   * cannot be written there.
   */
  static boolean ready(Path out) {
    String problem = problem(out);
    if (problem != null) {
      System.err.println("perfweave-analyzer: " + problem);
    }
    return problem == null;
  }

  private static String problem(Path out) {
    try {
      Files.createDirectories(out);
      if (!Files.isWritable(out)) {
        return "cannot write the reports to " + out + ": the directory is not writable";
      }
      return null;
    } catch (IOException | SecurityException e) {
      return "cannot write the reports to " + out + ": " + reason(e);
    }
  }

  private static String reason(Exception e) {
    if (e instanceof FileAlreadyExistsException) {
      return "a file of that name is in the way";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return ((FileSystemException) e).getReason().toLowerCase(Locale.ROOT);
    }
    return String.valueOf(e.getMessage());
  }
}
