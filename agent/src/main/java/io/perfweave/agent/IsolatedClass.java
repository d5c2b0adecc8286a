package io.perfweave.agent;

import java.io.IOException;
import java.io.InputStream;

/**
 * One of the agent's own classes loaded again into a class loader of its own (parent: the
 * bootstrap loader), so that a JDK package opened or exported to that loader's unnamed module
 * reaches this class alone, never the application's class path, which the agent's classes share.
 * The class must use JDK types only.
 */
final class IsolatedClass extends ClassLoader {

  private IsolatedClass() {
    super(null);
  }

  /** A copy of {@code type}, from the agent jar's bytes, in a class loader of its own. */
  static Class<?> of(Class<?> type) throws IOException {
    String resource = type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no class file for " + type.getName());
      }
      byte[] bytes = in.readAllBytes();
      return new IsolatedClass().defineClass(type.getName(), bytes, 0, bytes.length);
    }
  }
}
