package io.perfweave.agent;

import io.perfweave.profiler.TempFiles;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the bridge package, from the agent jar, into the bootstrap class loader, so that advice
 * inlined into any class, the JDK's included, resolves the same bridge classes. It defines the
 * classes there directly ({@link BootDefiner}: the JDK's internal {@code Unsafe.defineClass}, its
 * package opened through {@link Instrumentation#redefineModule} to that class's own loader alone,
 * not to the application's class path): the boot class path stays as it was, so the JVM keeps
 * class data sharing on for the application's own classes and prints no warning. Where that is
 * not possible, it appends a small jar of them to the bootstrap class path, as before. Must run
 * before anything loads a bridge class.
 */
final class BridgeInjector {

  /** The bridge's class names, one per line, each after the types it extends (the bridge module's). */
  private static final String BRIDGE_INDEX = "META-INF/perfweave/bridge-classes";
  private static final String BRIDGE_CLASS = "io.perfweave.bridge.Bridge";

  private BridgeInjector() {}

  static void inject(Instrumentation instrumentation) throws IOException, URISyntaxException {
    if (alreadyOnBootstrapPath()) {
      return;
    }
    Path agentJar =
        Path.of(PerfweaveAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Map<String, byte[]> classes = bridgeClasses(agentJar);
    if (!defineInBootLoader(instrumentation, classes)) {
      Path bridgeJar = TempFiles.create("bridge", ".jar");
      writeJar(classes, bridgeJar);
      instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(bridgeJar.toFile()));
    }
  }

  private static boolean alreadyOnBootstrapPath() {
    try {
      Class.forName(BRIDGE_CLASS, false, null);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /**
   * Defines the classes in the boot loader through a copy of {@link BootDefiner} in a class
   * loader of its own ({@link IsolatedClass}), whose module alone is let into {@code
   * jdk.internal.misc}; false where the JDK does not allow it.
   */
  private static boolean defineInBootLoader(Instrumentation instrumentation, Map<String, byte[]> classes) {
    try {
      Class<?> definer = IsolatedClass.of(BootDefiner.class);
      instrumentation.redefineModule(Object.class.getModule(), Set.of(), Map.of(),
          Map.of("jdk.internal.misc", Set.of(definer.getModule())), Set.of(), Map.of());
      return (Boolean) definer.getMethod("define", Map.class).invoke(null, classes);
    } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError notAllowed) {
      return false;
    }
  }

  /**
   * The bridge classes by binary name, from the agent jar, as the bridge module's index lists them
   * (looked up by name: walking the jar's nine thousand entries took ~15 ms of premain).
   */
  private static Map<String, byte[]> bridgeClasses(Path agentJar) throws IOException {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    try (JarFile source = new JarFile(agentJar.toFile())) {
      String index = new String(read(source, BRIDGE_INDEX), StandardCharsets.UTF_8);
      for (String name : index.split("\n")) {
        if (!name.isBlank()) {
          classes.put(name, read(source, name.replace('.', '/') + ".class"));
        }
      }
    }
    if (classes.isEmpty()) {
      throw new IOException("no bridge classes in " + agentJar);
    }
    return classes;
  }

  private static byte[] read(JarFile source, String entryName) throws IOException {
    JarEntry entry = source.getJarEntry(entryName);
    if (entry == null) {
      throw new IOException(entryName + " is missing from " + source.getName());
    }
    try (InputStream in = source.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }

  private static void writeJar(Map<String, byte[]> classes, Path bridgeJar) throws IOException {
    try (JarOutputStream target = new JarOutputStream(Files.newOutputStream(bridgeJar))) {
      for (Map.Entry<String, byte[]> type : classes.entrySet()) {
        target.putNextEntry(new JarEntry(type.getKey().replace('.', '/') + ".class"));
        target.write(type.getValue());
        target.closeEntry();
      }
    }
  }
}
