package io.perfweave.analyzer.read;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps the JIT's optimising compiler (C2) off the code that parses JFR's metadata and the
 * consumer API's internals, through the JVM's {@code Compiler.directives_add} diagnostic
 * command: each chunk's metadata is parsed by three readers, so that code is warm enough for C2,
 * which then spent more CPU compiling it (~3 s of a 1.2 GB recording's 12, most of it on the
 * JDK's {@code jdk.jfr.internal} classes) than it ever saved; C1 compiles it instead. Added
 * from a thread of its own (the platform MBean server takes ~80 ms to start), long before C2
 * would compile that code. Where the command is not there, nothing changes but the speed.
 */
final class JitDirectives {

  private static final String DIRECTIVES =
      "[{ match: [\"jdk/jfr/internal/*.*\", \"jdk/jfr/*.*\", \"one/jfr/JfrReader.readElement\","
          + " \"one/jfr/JfrReader.createElement\", \"one/jfr/JfrReader.readMeta\"],"
          + " c2: { Exclude: true } }]";

  private static boolean added;

  private JitDirectives() {}

  static synchronized void addOnce() {
    if (added) {
      return;
    }
    added = true;
    Thread adding = new Thread(JitDirectives::add, "perfweave-jit-directives");
    adding.setDaemon(true);
    adding.start();
  }

  private static void add() {
    Path file = null;
    try {
      file = Files.createTempFile("perfweave-jit-", ".json");
      Files.writeString(file, DIRECTIVES, StandardCharsets.UTF_8);
      ManagementFactory.getPlatformMBeanServer()
          .invoke(
              new ObjectName("com.sun.management:type=DiagnosticCommand"),
              "compilerDirectivesAdd",
              new Object[] {new String[] {file.toString()}},
              new String[] {String[].class.getName()});
    } catch (IOException | JMException | RuntimeException unavailable) {
      // a JVM without the command, or no temp directory: the analysis runs as it would
    } finally {
      if (file != null) {
        file.toFile().delete();
      }
    }
  }
}
