package io.perfweave.agent;

import io.perfweave.profiler.TempFiles;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Copies the bridge package out of the agent jar into a small jar of its own and appends that to
 * the bootstrap class path, so that advice inlined into any class, the JDK's included, resolves
 * the same bridge classes. Must run before anything loads a bridge class.
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
    Path bridgeJar = TempFiles.create("bridge", ".jar");
    copyBridgeClasses(agentJar, bridgeJar);
    instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(bridgeJar.toFile()));
  }

  private static boolean alreadyOnBootstrapPath() {
    try {
      Class.forName(BRIDGE_CLASS, false, null);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static void copyBridgeClasses(Path agentJar, Path bridgeJar) throws IOException {
    int copied = 0;
    try (JarFile source = new JarFile(agentJar.toFile());
        JarOutputStream target = new JarOutputStream(Files.newOutputStream(bridgeJar))) {
      for (Enumeration<JarEntry> entries = source.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().startsWith(BRIDGE_PACKAGE) && entry.getName().endsWith(".class")) {
          target.putNextEntry(new JarEntry(entry.getName()));
          try (InputStream in = source.getInputStream(entry)) {
            in.transferTo(target);
          }
          target.closeEntry();
          copied++;
        }
      }
    }
    if (copied == 0) {
      throw new IOException("no bridge classes in " + agentJar);
    }
  }
}
