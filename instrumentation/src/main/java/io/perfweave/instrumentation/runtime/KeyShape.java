package io.perfweave.instrumentation.runtime;

import java.util.List;

/** Which arguments (and whether the receiver) make up a call's key, and how to build it. */
final class KeyShape {

  /** All arguments, no receiver: the key idempotent sites without a cache record. */
  static final KeyShape ALL_ARGUMENTS = new KeyShape(List.of(), false);

  private final List<Integer> argumentIndices;
  private final boolean receiver;

  /** @param argumentIndices the arguments in the key; empty = all */
  KeyShape(List<Integer> argumentIndices, boolean receiver) {
    this.argumentIndices = List.copyOf(argumentIndices);
    this.receiver = receiver;
  }

  /**
   * The key of a call of {@code method} (name and descriptor) declared by {@code type}, or null
   * where it has none ({@link #whyNoKey} says why; asked apart so that a key is built without a
   * callback made for every call).
   *
   * @param arguments the call's arguments, in an array made for this call that nobody changes
   *     after (the advice's own copy): where every argument is its own key part, the key keeps it
   */
  CacheKey build(Class<?> type, String method, Object self, Object[] arguments) {
    if (argumentIndices.isEmpty() && !receiver && eachItsOwnPart(arguments)) {
      return new CacheKey(type, method, arguments);
    }
    int count = partCount(arguments);
    Object[] parts = new Object[count + (receiver ? 1 : 0)];
    for (int i = 0; i < count; i++) {
      Object part = part(arguments, i);
      if (part == KeyParts.UNSUPPORTED) {
        return null;
      }
      parts[i] = part;
    }
    if (receiver) {
      parts[count] = KeyParts.identity(self);
    }
    return new CacheKey(type, method, parts);
  }

  /** Why a call with these arguments has no key ({@link #build} returned null), or null. */
  String whyNoKey(Object[] arguments) {
    for (int i = 0; i < partCount(arguments); i++) {
      if (part(arguments, i) != KeyParts.UNSUPPORTED) {
        continue;
      }
      int index = argumentIndex(i);
      return index >= arguments.length
          ? "key index " + index + " but the method has " + arguments.length + " arguments"
          : "argument " + index + " is a " + arguments[index].getClass().getName()
              + ", which has no equals/hashCode of its own";
    }
    return null;
  }

  /** Key part {@code i} of a call, {@link KeyParts#UNSUPPORTED} where it has none. */
  private Object part(Object[] arguments, int i) {
    int index = argumentIndex(i);
    return index < arguments.length ? KeyParts.of(arguments[index]) : KeyParts.UNSUPPORTED;
  }

  private static boolean eachItsOwnPart(Object[] arguments) {
    for (Object argument : arguments) {
      if (KeyParts.of(argument) != argument) {
        return false;
      }
    }
    return true;
  }

  private int partCount(Object[] arguments) {
    return argumentIndices.isEmpty() ? arguments.length : argumentIndices.size();
  }

  private int argumentIndex(int part) {
    return argumentIndices.isEmpty() ? part : argumentIndices.get(part);
  }
}
