package io.perfweave.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDKs the fork tests run on: the one running the tests, and the second JDK named by
 * {@code perfweave.it.extraJdk} (Temurin 25 on the project's machines). A configured JDK that is
 * missing fails the tests rather than being skipped.
 */
public final class Jdks {

  private Jdks() {}

  /** The JDK running the tests. */
  public static Path current() {
    return Path.of(System.getProperty("java.home"));
  }

  public static List<Path> all() {
    List<Path> jdks = new ArrayList<>();
    jdks.add(Path.of(System.getProperty("java.home")));
    String extra = System.getProperty("perfweave.it.extraJdk", "");
    if (!extra.isEmpty()) {
      Path home = Path.of(extra);
      if (!Files.isExecutable(home.resolve("bin/java"))) {
        throw new IllegalStateException("perfweave.it.extraJdk has no bin/java: " + home);
      }
      jdks.add(home);
    }
    return jdks;
  }

  /**
   * The first of {@link #all} whose feature release is at least {@code feature} (its {@code
   * release} file says), for tests of what only newer JDKs record; fails when none is.
   */
  public static Path atLeast(int feature) {
    for (Path home : all()) {
      try {
        String version = Files.readAllLines(home.resolve("release")).stream()
            .filter(line -> line.startsWith("JAVA_VERSION=")).findFirst().orElse("JAVA_VERSION=\"0\"");
        String major = version.replaceAll("JAVA_VERSION=\"?(\\d+).*", "$1");
        if (Integer.parseInt(major) >= feature) {
          return home;
        }
      } catch (java.io.IOException | NumberFormatException unreadable) {
        // not this one
      }
    }
    throw new IllegalStateException("no JDK " + feature + " or later among " + all() + " (perfweave.it.extraJdk)");
  }
}
