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

    /** SipHash-2-4 of one 8-byte little-endian message word. */
    static long sipHash(long k0, long k1, long message) {
      long[] v = {
        k0 ^ 0x736f6d6570736575L, k1 ^ 0x646f72616e646f6dL,
        k0 ^ 0x6c7967656e657261L, k1 ^ 0x7465646279746573L
      };
      compress(v, message);
      compress(v, 8L << 56);
      v[2] ^= 0xff;
      for (int i = 0; i < 4; i++) {
        round(v);
      }
      return v[0] ^ v[1] ^ v[2] ^ v[3];
    }

    private static void compress(long[] v, long word) {
      v[3] ^= word;
      round(v);
      round(v);
      v[0] ^= word;
    }

    private static void round(long[] v) {
      v[0] += v[1];
      v[1] = Long.rotateLeft(v[1], 13) ^ v[0];
      v[0] = Long.rotateLeft(v[0], 32);
      v[2] += v[3];
      v[3] = Long.rotateLeft(v[3], 16) ^ v[2];
      v[0] += v[3];
      v[3] = Long.rotateLeft(v[3], 21) ^ v[0];
      v[2] += v[1];
      v[1] = Long.rotateLeft(v[1], 17) ^ v[2];
      v[2] = Long.rotateLeft(v[2], 32);
    }
  }
}
