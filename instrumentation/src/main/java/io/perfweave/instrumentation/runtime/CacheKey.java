package io.perfweave.instrumentation.runtime;

import java.util.Arrays;

/**
 * The canonical key of one cached call: the method called (a site may match several) and the
 * chosen arguments, compared by value.
 */
final class CacheKey {

  private final Class<?> type;
  private final String method;
  private final Object[] parts;
  private final int hash;

  /**
   * @param type the class that declares the method
   * @param method its name and descriptor
   */
  CacheKey(Class<?> type, String method, Object[] parts) {
    this.type = type;
    this.method = method;
    this.parts = parts;
    this.hash = 31 * method.hashCode() + Arrays.hashCode(parts);
  }

  Class<?> type() {
    return type;
  }

  String method() {
    return method;
  }

  /** A 64-bit hash for {@code keyHash} in events: the parts' hashes mixed into 64 bits. */
  long hash64() {
    long h = 0x9E3779B97F4A7C15L;
    for (Object part : parts) {
      h = (h ^ (part == null ? 0 : part.hashCode())) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    return h;
  }

  /**
   * The key as text that means the same in every JVM (the method and each part, typed), or null
   * where a part has no such text (an object whose equality is its own code): such a call is
   * not shared.
   */
  String sharedText() {
    StringBuilder text = new StringBuilder(type.getName()).append('#').append(method);
    for (Object part : parts) {
      text.append('|');
      if (!SharedKeyText.append(text, part)) {
        return null;
      }
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof CacheKey)) {
      return false;
    }
    CacheKey key = (CacheKey) other;
    return hash == key.hash && type == key.type && method.equals(key.method) && Arrays.equals(parts, key.parts);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
