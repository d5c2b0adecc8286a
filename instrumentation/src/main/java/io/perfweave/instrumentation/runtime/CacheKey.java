package io.perfweave.instrumentation.runtime;

import java.util.Arrays;

/** The canonical key of one cached call: the chosen arguments, compared by value. */
final class CacheKey {

  private final Object[] parts;
  private final int hash;

  CacheKey(Object[] parts) {
    this.parts = parts;
    this.hash = Arrays.hashCode(parts);
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

  @Override
  public boolean equals(Object other) {
    return other instanceof CacheKey
        && hash == ((CacheKey) other).hash
        && Arrays.equals(parts, ((CacheKey) other).parts);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
