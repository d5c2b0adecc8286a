package io.perfweave.instrumentation.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Map;

/**
 * A woven site's values in the shared cache: Java serialization of {@code Serializable} values,
 * read back only as the method's own return type and only through a filter. Another JVM's bytes
 * are data, not code to run: the filter admits the JDK's value and collection packages
 * ({@code java.lang} but for its {@code invoke} and {@code reflect} packages, {@code java.util},
 * {@code java.math}, {@code java.time}), arrays, and the application's classes in the top-level
 * package (the first two segments) of the return type, or of the method's class where it returns
 * a JDK type: {@code com.example.**} for {@code com.example.web3.Balance}. Anything else (a
 * library's class, a serialized lambda) is refused and the call is sent.
 */
final class SharedValues {

  private static final String[] JDK_PACKAGES = {"java.lang.", "java.util.", "java.math.", "java.time."};
  private static final int MAX_DEPTH = 32;
  private static final int MAX_REFERENCES = 100_000;
  private static final Map<Class<?>, Class<?>> BOXES =
      Map.of(
          int.class, Integer.class, long.class, Long.class, boolean.class, Boolean.class,
          double.class, Double.class, float.class, Float.class, short.class, Short.class,
          byte.class, Byte.class, char.class, Character.class, void.class, Void.class);

  private SharedValues() {}

  /** The value's bytes, or null where it cannot be shared (null, or not Serializable). */
  static byte[] write(Object value) throws IOException {
    if (!(value instanceof Serializable)) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }

  /**
   * The value in {@code bytes} if it is a {@code returnType} (boxed where primitive), read with the
   * class loader of {@code declaringType}, the method's class; null where it is another type.
   * Throws where the bytes hold a class the filter refuses, or are not a serialized object.
   */
  static Object read(byte[] bytes, Class<?> returnType, Class<?> declaringType)
      throws IOException, ClassNotFoundException {
    Class<?> expected = boxed(returnType);
    String application = applicationPackage(expected.getName());
    if (application == null) {
      application = applicationPackage(declaringType.getName());
    }
    try (ObjectInputStream in =
        new LoaderInputStream(new ByteArrayInputStream(bytes), declaringType.getClassLoader())) {
      in.setObjectInputFilter(filter(application, bytes.length));
      Object value = in.readObject();
      return expected.isInstance(value) ? value : null;
    }
  }

  private static ObjectInputFilter filter(String application, long length) {
    return info -> {
      if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES || info.streamBytes() > length) {
        return ObjectInputFilter.Status.REJECTED;
      }
      Class<?> type = info.serialClass();
      if (type == null) {
        return ObjectInputFilter.Status.UNDECIDED;
      }
      while (type.isArray()) {
        type = type.getComponentType();
      }
      return type.isPrimitive() || admitted(type.getName(), application)
          ? ObjectInputFilter.Status.ALLOWED
          : ObjectInputFilter.Status.REJECTED;
    };
  }

  private static boolean admitted(String name, String application) {
    // serialized lambdas and reflective objects run code of the classes they name when read
    if (name.startsWith("java.lang.invoke.") || name.startsWith("java.lang.reflect.")) {
      return false;
    }
    for (String jdk : JDK_PACKAGES) {
      if (name.startsWith(jdk)) {
        return true;
      }
    }
    return application != null && name.startsWith(application);
  }

  /** The first two segments of a class's package, with the dot: null for a JDK or default-package type. */
  static String applicationPackage(String className) {
    int first = className.indexOf('.');
    int second = first < 0 ? -1 : className.indexOf('.', first + 1);
    if (second < 0 || className.startsWith("java.") || className.startsWith("javax.")) {
      return null;
    }
    return className.substring(0, second + 1);
  }

  private static Class<?> boxed(Class<?> type) {
    return type.isPrimitive() ? BOXES.get(type) : type;
  }
}
