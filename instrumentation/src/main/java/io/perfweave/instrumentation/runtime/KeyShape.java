package io.perfweave.instrumentation.runtime;

import java.util.List;
import java.util.function.Consumer;

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
   * after telling {@code unkeyable} why there is none.
   */
  CacheKey build(
      Class<?> type, String method, Object self, Object[] arguments, Consumer<String> unkeyable) {
    int count = argumentIndices.isEmpty() ? arguments.length : argumentIndices.size();
    Object[] parts = new Object[count + (receiver ? 1 : 0)];
    for (int i = 0; i < count; i++) {
      int index = argumentIndices.isEmpty() ? i : argumentIndices.get(i);
      if (index >= arguments.length) {
        unkeyable.accept(
            "key index " + index + " but the method has " + arguments.length + " arguments");
        return null;
      }
      Object part = KeyParts.of(arguments[index]);
      if (part == KeyParts.UNSUPPORTED) {
        unkeyable.accept(
            "argument " + index + " is a " + arguments[index].getClass().getName()
                + ", which has no equals/hashCode of its own");
        return null;
      }
      parts[i] = part;
    }
    if (receiver) {
      parts[count] = KeyParts.identity(self);
    }
    return new CacheKey(type, method, parts);
  }
}
