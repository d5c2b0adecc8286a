package io.perfweave.instrumentation.events;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.Map;

/**
 * {@code resultHash}: a value's 64-bit hash keyed with a random key of this process (SipHash-2-4
 * of the value's own hash), so that equal values in one recording hash alike while a recording's
 * reader cannot test guesses of a value (a balance, say) against it. Never 0 for a value.
 */
public final class ResultHash {

  /** Larger collections are not hashed: their hashCode walks every element. */
  static final int MAX_ELEMENTS = 1024;

  private static final ClassValue<Boolean> HAS_EQUALITY =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          try {
            return type.getMethod("equals", Object.class).getDeclaringClass() != Object.class;
          } catch (NoSuchMethodException | SecurityException e) {
            return false;
          }
        }
      };

  private ResultHash() {}

  /** The keyed hash of an already computed 64-bit hash of a value. */
  public static long of(long valueHash) {
    long hash = Key.sipHash(valueHash);
    return hash == 0 ? 1 : hash;
  }

  /**
   * The keyed hash of a returned value whose type defines equality, or 0 (null, no equality of its
   * own, a collection over {@value #MAX_ELEMENTS} elements).
   */
  public static long ofValue(Object value) {
    if (value == null || !HAS_EQUALITY.get(value.getClass())) {
      return 0;
    }
    if (value instanceof Collection && ((Collection<?>) value).size() > MAX_ELEMENTS
        || value instanceof Map && ((Map<?, ?>) value).size() > MAX_ELEMENTS) {
      return 0;
    }
    return of(value.hashCode() * 0x9E3779B97F4A7C15L);
  }

  /** The key, drawn once, on the first value hashed. */
  static final class Key {
    private static final long K0;
    private static final long K1;

    static {
      SecureRandom random = new SecureRandom();
      K0 = random.nextLong();
      K1 = random.nextLong();
    }

    private Key() {}

    static long sipHash(long message) {
      return sipHash(K0, K1, message);
    }

    /**
     * SipHash-2-4 of one 8-byte little-endian message word: the message's two compression rounds,
     * the length block's two, then four finalization rounds, in locals (no allocation).
     */
    static long sipHash(long k0, long k1, long message) {
      long v0 = k0 ^ 0x736f6d6570736575L;
      long v1 = k1 ^ 0x646f72616e646f6dL;
      long v2 = k0 ^ 0x6c7967656e657261L;
      long v3 = k1 ^ 0x7465646279746573L;
      long lengthBlock = 8L << 56;
      for (int round = 0; round < 8; round++) {
        if (round == 0) {
          v3 ^= message;
        } else if (round == 2) {
          v0 ^= message;
          v3 ^= lengthBlock;
        } else if (round == 4) {
          v0 ^= lengthBlock;
          v2 ^= 0xff;
        }
        v0 += v1;
        v1 = Long.rotateLeft(v1, 13) ^ v0;
        v0 = Long.rotateLeft(v0, 32);
        v2 += v3;
        v3 = Long.rotateLeft(v3, 16) ^ v2;
        v0 += v3;
        v3 = Long.rotateLeft(v3, 21) ^ v0;
        v2 += v1;
        v1 = Long.rotateLeft(v1, 17) ^ v2;
        v2 = Long.rotateLeft(v2, 32);
      }
      return v0 ^ v1 ^ v2 ^ v3;
    }
  }
}
