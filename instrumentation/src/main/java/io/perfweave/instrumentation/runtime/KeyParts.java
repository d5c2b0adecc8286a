package io.perfweave.instrumentation.runtime;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an argument into a part of a cache key that compares by value: values with their own
 * {@code equals}/{@code hashCode} as they are, arrays as lists of their elements, the receiver by
 * identity. A type without value equality cannot be part of a key.
 */
final class KeyParts {

  private static final ClassValue<Boolean> HAS_VALUE_EQUALITY =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          return type.isEnum() || declaresOwn(type, "equals", Object.class) && declaresOwn(type, "hashCode");
        }
      };

  private KeyParts() {}

  /** The value-comparable form of {@code argument}, or {@link #UNSUPPORTED}. */
  static Object of(Object argument) {
    if (argument == null) {
      return null;
    }
    Class<?> type = argument.getClass();
    if (isBoxOrString(type)) {
      return argument;
    }
    if (type.isArray()) {
      return arrayPart(argument);
    }
    if (argument instanceof List || argument instanceof Set || argument instanceof Map) {
      return argument;
    }
    return HAS_VALUE_EQUALITY.get(type) ? argument : UNSUPPORTED;
  }

  /**
   * The most common key parts, answered without the ClassValue, whose look-up costs more than
   * the rest of a cache hit's key here (~60 ns on JDK 17).
   */
  private static boolean isBoxOrString(Class<?> type) {
    return type == String.class || type == Long.class || type == Integer.class || type == Boolean.class
        || type == Short.class || type == Byte.class || type == Character.class;
  }

  /** The receiver, compared by identity. */
  static Object identity(Object receiver) {
    return new Identity(receiver);
  }

  /** Marks an argument whose type compares by identity only. */
  static final Object UNSUPPORTED = new Object();

  private static Object arrayPart(Object array) {
    int length = Array.getLength(array);
    List<Object> elements = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      Object element = of(Array.get(array, i));
      if (element == UNSUPPORTED) {
        return UNSUPPORTED;
      }
      elements.add(element);
    }
    return elements;
  }

  private static boolean declaresOwn(Class<?> type, String method, Class<?>... parameters) {
    try {
      return type.getMethod(method, parameters).getDeclaringClass() != Object.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static final class Identity {
    private final Object target;

    Identity(Object target) {
      this.target = target;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Identity && ((Identity) other).target == target;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(target);
    }
  }
}
