package io.perfweave.analyzer.read;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javax.management.DynamicMBean;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Tells the JIT which code its optimising compiler (C2) may compile, through the JVM's {@code
 * Compiler.directives_add} diagnostic command, by how much there is to read:
 *
 * <ul>
 *   <li>Up to {@link #C1_ONLY_UP_TO_BYTES} of recordings, none of it: C2's compiling of the
 *       analyzer's hot loops (the call decoder and a site's recording of a call, each compiled
 *       and recompiled several times as the calls' mix changes) cost more CPU than their faster
 *       code ever saved on that much input. Measured, C1 alone: 1.5 → 1.1 s on a default
 *       recording pair of 1 MB, 3.0 → 2.0 s at 25 MB, 5.7 → 4.2 s at 245 MB, but 10.0 → 11.6 s
 *       at 1.2 GB (the same report on each; BENCHMARKS.md).
 *   <li>Above, all but the code that parses JFR's metadata and the consumer API's internals:
 *       that code is warm enough for C2, which then spent more CPU compiling it (~3 s of a
 *       1.2 GB recording's 12, most of it on the JDK's {@code jdk.jfr.internal} classes) than it
 *       ever saved; C1 compiles it instead. Nor the JDK's internal ASM, which spins the lambdas,
 *       proxies and method handles the reading links once each: C2 spent ~0.4 s of CPU on it
 *       ({@code Frame.execute} alone 0.2–0.4 s) at 1.2 GB.
 * </ul>
 *
 * Added from a thread of its own, started with the command line's parsing ({@link #prepare}:
 * reaching the command takes 50–150 ms), before C2 would compile that code; once per
 * JVM (the first analysis decides). Where the command is not there, nothing changes but the
 * speed.
 */
public final class JitDirectives {

  /** Input up to which C2 compiles nothing; the crossover measured was between 245 MB and 1.2 GB. */
  static final long C1_ONLY_UP_TO_BYTES = 512L << 20;

  private static final String NOTHING_IN_C2 = "[{ match: [\"*.*\"], c2: { Exclude: true } }]";

  private static final String JFR_PARSING_NOT_IN_C2 =
      "[{ match: [\"jdk/jfr/internal/*.*\", \"jdk/jfr/*.*\", \"one/jfr/JfrReader.readElement\","
          + " \"one/jfr/JfrReader.createElement\", \"one/jfr/JfrReader.readMeta\","
          + " \"jdk/internal/org/objectweb/asm/*.*\"],"
          + " c2: { Exclude: true } }]";

  // the first analysis in the JVM chooses
  private static final CompletableFuture<String> CHOSEN = new CompletableFuture<>();
  private static boolean started;

  private JitDirectives() {}

  /**
   * Reaches the diagnostic commands on a thread of its own, which then waits for {@link
   * #addOnce}: started as the command line is parsed, the directives are in before the reading's
   * code is warm.
   */
  public static synchronized void prepare() {
    if (started) {
      return;
    }
    started = true;
    Thread adding = new Thread(JitDirectives::add, "perfweave-jit-directives");
    adding.setDaemon(true);
    adding.start();
  }

  /** Adds the directives for reading {@code inputBytes} of recordings, unless added before. */
  static void addOnce(long inputBytes) {
    prepare();
    CHOSEN.complete(inputBytes <= C1_ONLY_UP_TO_BYTES ? NOTHING_IN_C2 : JFR_PARSING_NOT_IN_C2);
  }

  private static void add() {
    Path file = null;
    try {
      Commands commands = diagnosticCommands();
      String directives = CHOSEN.get();
      file = Files.createTempFile("perfweave-jit-", ".json");
      Files.writeString(file, directives, StandardCharsets.UTF_8);
      commands.run("compilerDirectivesAdd", file.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception | LinkageError unavailable) {
      // a JVM without the command, or no temp directory: the analysis runs as it would
    } finally {
      if (file != null) {
        file.toFile().delete();
      }
    }
  }

  /** A diagnostic command run with one argument. */
  private interface Commands {
    void run(String command, String argument) throws Exception;
  }

  /**
   * The JVM's diagnostic commands: taken from the JDK directly where the analyzer's jar opens their
   * package to it ({@code Add-Opens} in its manifest; 50 ms here), else through the platform MBean
   * server, which starts JMX for them (140 ms and 0.2 s of CPU beside the reading).
   */
  private static Commands diagnosticCommands() throws JMException {
    String[] oneArray = {String[].class.getName()};
    try {
      // its static initialiser loads the native library the commands call
      Class.forName("com.sun.management.internal.PlatformMBeanProviderImpl");
      java.lang.reflect.Method direct = Class.forName("com.sun.management.internal.DiagnosticCommandImpl")
          .getDeclaredMethod("getDiagnosticCommandMBean");
      direct.setAccessible(true);
      DynamicMBean bean = (DynamicMBean) direct.invoke(null);
      if (bean != null) {
        return (command, argument) -> bean.invoke(command, new Object[] {new String[] {argument}}, oneArray);
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError notOpened) {
      // not opened to the analyzer (its classes run without its jar), or a JDK without them
    }
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = new ObjectName("com.sun.management:type=DiagnosticCommand");
    return (command, argument) -> server.invoke(name, command, new Object[] {new String[] {argument}}, oneArray);
  }
}
