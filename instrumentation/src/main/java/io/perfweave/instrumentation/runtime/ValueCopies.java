package io.perfweave.instrumentation.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Set;

/**
 * Copies cached values for {@code cache.copy: true}, so that a caller who changes what it got
 * cannot change what the next caller gets. Immutable JDK values are shared; anything else is
 * copied by a serialization round trip.
 */
final class ValueCopies {

  private static final Set<Class<?>> IMMUTABLE =
      Set.of(
          String.class, Long.class, Integer.class, Short.class, Byte.class, Character.class,
          Boolean.class, Double.class, Float.class, java.math.BigInteger.class,
          java.math.BigDecimal.class);

  private ValueCopies() {}

  /** Whether {@code value} can be copied (or needs no copy). */
  static boolean copyable(Object value) {
    return value == null || needsNoCopy(value) || value instanceof Serializable;
  }

  static Object copy(Object value) {
    if (value == null || needsNoCopy(value)) {
      return value;
    }
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      ClassLoader loader = value.getClass().getClassLoader();
      try (ObjectInputStream in = new LoaderInputStream(new ByteArrayInputStream(bytes.toByteArray()), loader)) {
        return in.readObject();
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot copy a cached " + value.getClass().getName(), e);
    }
  }

  private static boolean needsNoCopy(Object value) {
    return IMMUTABLE.contains(value.getClass()) || value instanceof Enum;
  }
}
