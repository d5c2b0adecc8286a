package io.perfweave.instrumentation.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The text of a key part that means the same in every JVM: strings, numbers, booleans,
 * characters, enums and lists of them (an array argument is a list), each tagged with its type
 * so that {@code "1"} and {@code 1} differ. Anything else (a record, a set, an object with its own
 * equality) has no such text.
 */
final class SharedKeyText {

  private SharedKeyText() {}

  /** Appends {@code part}'s text; false where it has none. */
  static boolean append(StringBuilder text, Object part) {
    if (part == null) {
      text.append('N');
    } else if (part instanceof String) {
      String string = (String) part;
      text.append("S").append(string.length()).append(':').append(string);
    } else if (part instanceof Integer || part instanceof Long || part instanceof Short
        || part instanceof Byte || part instanceof BigInteger || part instanceof Double
        || part instanceof Float || part instanceof BigDecimal || part instanceof Boolean
        || part instanceof Character) {
      text.append(part.getClass().getSimpleName()).append(':').append(part);
    } else if (part instanceof Enum) {
      text.append('E').append(((Enum<?>) part).getDeclaringClass().getName()).append('.').append(((Enum<?>) part).name());
    } else if (part instanceof List) {
      return appendList(text, (List<?>) part);
    } else {
      return false;
    }
    return true;
  }

  private static boolean appendList(StringBuilder text, List<?> list) {
    text.append('[').append(list.size()).append(':');
    for (Object element : list) {
      if (!append(text, element)) {
        return false;
      }
      text.append(',');
    }
    text.append(']');
    return true;
  }
}
