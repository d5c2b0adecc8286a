package io.perfweave.instrumentation.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;

/** Deserializes with the application's class loader (a value's, a method's), not perfweave's. */
final class LoaderInputStream extends ObjectInputStream {

  private final ClassLoader loader;

  LoaderInputStream(InputStream in, ClassLoader loader) throws IOException {
    super(in);
    this.loader = loader;
  }

  @Override
  protected Class<?> resolveClass(ObjectStreamClass description)
      throws IOException, ClassNotFoundException {
    try {
      return Class.forName(description.getName(), false, loader);
    } catch (ClassNotFoundException e) {
      return super.resolveClass(description);
    }
  }
}
