package io.perfweave.agent;

import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import io.perfweave.testing.TestConfigs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An application that bundles its own, older Byte Buddy, Jackson, Micrometer and Caffeine runs
 * unchanged with the agent attached: its classes come from its own jars, never the agent's; and
 * what the agent opened of the JDK to define its bridge and to read JFR's clock is not open to the
 * application (the app makes a timed call first, so the agent has read it by then).
 */
final class IsolationIT {

  @TempDir Path work;

  static List<Path> jdks() {
    return Jdks.all();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void appWithOwnLibraryVersions_runsUnchanged(Path jdk) throws Exception {
    Path config = TestConfigs.balanceReadSite(work);
    Path plain = Files.createDirectories(work.resolve("plain"));

    ForkedJvm.Result without = new ForkedJvm(jdk).main("com.example.testbed.LibrariesApp").run(plain);
    ForkedJvm.Result with =
        new ForkedJvm(jdk)
            .withAgent("config=" + config)
            .main("com.example.testbed.LibrariesApp")
            .run(work);

    assertEquals(0, without.exitCode(), without.stderr());
    assertEquals(0, with.exitCode(), with.stderr());
    assertEquals(without.stdout(), with.stdout());
    assertTrue(with.stdout().contains("from byte-buddy-1.14.18.jar"), with.stdout());
    assertTrue(with.stdout().contains("from jackson-databind-2.17.2.jar"), with.stdout());
    assertTrue(with.stdout().contains("from micrometer-core-1.12.5.jar"), with.stdout());
    assertTrue(with.stdout().contains("from caffeine-3.1.8.jar"), with.stdout());
    assertTrue(with.stdout().contains("jdk.internal.misc.Unsafe not reachable (IllegalAccessException)"), with.stdout());
    assertTrue(with.stdout().contains("jdk.jfr.internal.JVM not reachable (IllegalAccessException)"), with.stdout());
    assertTrue(with.stderr().lines().noneMatch(l -> l.contains("VM warning:")), with.stderr());
    assertTrue(with.stderr().contains("0 transform errors, 0 advice errors"), with.stderr());
    assertTrue(
        with.stderr().lines().anyMatch(l -> l.matches("\\s+balance-read\\s+1\\s+0\\s.*")),
        with.stderr());
  }
}
