package io.perfweave.agent;

import io.perfweave.profiler.TempFiles;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the bridge package, from the agent jar, into the bootstrap class loader, so that advice
 * inlined into any class, the JDK's included, resolves the same bridge classes. It defines the
 * classes there directly (the JDK's internal {@code Unsafe.defineClass}, its package opened to
 * perfweave alone through {@link Instrumentation#redefineModule}): the boot class path stays as
 * it was, so the JVM keeps class data sharing on for the application's own classes and prints no
 * warning. Where that is not possible, it appends a small jar of them to the bootstrap class
 * path, as before. Must run before anything loads a bridge class.
 */
final class BridgeInjector {

  static final String BRIDGE_PACKAGE = "io/perfweave/bridge/";
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
   * Defines the classes in the boot loader, a class whose super type is not defined yet put off to
   * the next round; false, with whatever was defined left as it is (the same bytes the jar then
   * holds), where the JDK does not allow it.
   */
  private static boolean defineInBootLoader(Instrumentation instrumentation, Map<String, byte[]> classes) {
    try {
      Module base = Object.class.getModule();
      instrumentation.redefineModule(base, Set.of(), Map.of(),
          Map.of("jdk.internal.misc", Set.of(BridgeInjector.class.getModule())), Set.of(), Map.of());
      Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
      Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
      Method define = unsafeType.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
          ClassLoader.class, ProtectionDomain.class);
      Map<String, byte[]> left = new LinkedHashMap<>(classes);
      while (!left.isEmpty()) {
        boolean defined = false;
        for (Iterator<Map.Entry<String, byte[]>> it = left.entrySet().iterator(); it.hasNext(); ) {
          Map.Entry<String, byte[]> type = it.next();
          try {
            define.invoke(unsafe, type.getKey(), type.getValue(), 0, type.getValue().length, null, null);
            it.remove();
            defined = true;
          } catch (java.lang.reflect.InvocationTargetException superTypeNotYetDefined) {
            // NoClassDefFoundError for its super type: the next round, once that is defined
          }
        }
        if (!defined) {
          return false;
        }
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError notAllowed) {
      return false;
    }
  }

  /** The bridge classes by binary name, from the agent jar. */
  private static Map<String, byte[]> bridgeClasses(Path agentJar) throws IOException {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    try (JarFile source = new JarFile(agentJar.toFile())) {
      for (Enumeration<JarEntry> entries = source.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().startsWith(BRIDGE_PACKAGE) && entry.getName().endsWith(".class")) {
          try (InputStream in = source.getInputStream(entry)) {
            String name = entry.getName().substring(0, entry.getName().length() - ".class".length()).replace('/', '.');
            classes.put(name, in.readAllBytes());
          }
        }
      }
    }
    if (classes.isEmpty()) {
      throw new IOException("no bridge classes in " + agentJar);
    }
    return classes;
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
