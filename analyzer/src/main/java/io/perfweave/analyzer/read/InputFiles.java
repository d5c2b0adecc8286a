package io.perfweave.analyzer.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The recordings named on the command line: files as they are, directories by their {@code .jfr}
 * files. Each is checked before it is read (readable, not empty, JFR's magic bytes), and what is
 * wrong is said in one line naming the path.
 */
final class InputFiles {

  private static final byte[] MAGIC = {'F', 'L', 'R', 0};

  /** A usable recording, or a problem with one. */
  record Checked(Path path, String problem) {
    boolean usable() {
      return problem.isEmpty();
    }
  }

  private InputFiles() {}

  static List<Checked> expand(List<Path> inputs) throws BadInputException {
    if (inputs.isEmpty()) {
      throw new BadInputException("no recordings given: name .jfr files or directories");
    }
    List<Checked> files = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        List<Path> recordings = recordingsIn(input);
        if (recordings.isEmpty()) {
          files.add(new Checked(input, "no .jfr recordings in this directory"));
        }
        recordings.forEach(r -> files.add(check(r)));
      } else {
        files.add(check(input));
      }
    }
    return files;
  }

  private static List<Path> recordingsIn(Path directory) throws BadInputException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(p -> p.getFileName().toString().endsWith(".jfr") && Files.isRegularFile(p))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new BadInputException(directory + ": cannot be listed: " + e.getMessage());
    }
  }

  private static Checked check(Path file) {
    if (!Files.exists(file)) {
      return new Checked(file, "does not exist");
    }
    if (!Files.isReadable(file) || Files.isDirectory(file)) {
      return new Checked(file, "cannot be read");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4);
      if (head.length == 0) {
        return new Checked(file, "is empty");
      }
      if (head.length < 4 || !java.util.Arrays.equals(head, MAGIC)) {
        return new Checked(file, "is not a JFR recording (it does not start with FLR)");
      }
      return new Checked(file, "");
    } catch (IOException e) {
      return new Checked(file, "cannot be read: " + e.getMessage());
    }
  }
}
