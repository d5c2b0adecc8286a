package io.perfweave.instrumentation.policy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;

/**
 * One cache's shared level: under which key a call's answer is shared with other JVMs, for how
 * long, and the envelope around what is stored (a format version and when it was stored, for the
 * hit's age). A key is the namespace (prefix, kind, fingerprint of what gives the key its
 * meaning) and the SHA-256 of the call's canonical key text, so no argument is stored in clear.
 *
 * @param <K> the cache's key
 */
public final class SharedCache<K> {

  /** Bumped when what the envelope or an answer's bytes hold changes. */
  static final byte FORMAT = 1;
  private static final int HEADER = 1 + Long.BYTES;

  private final SharedLevel level;
  private final String namespace;
  private final Duration ttl;
  private final Function<K, String> keyText;

  /**
   * @param namespace the start of every key of this cache, ending in a separator
   * @param keyText the canonical text of a key, the same in every JVM; null where a key cannot
   *     be shared (its calls use the first level only)
   */
  public SharedCache(SharedLevel level, String namespace, Duration ttl, Function<K, String> keyText) {
    this.level = level;
    this.namespace = namespace;
    this.ttl = ttl;
    this.keyText = keyText;
  }

  /** Whether the level may be asked now ({@link SharedLevel#available}). */
  boolean available() {
    return level.available();
  }

  /** The shared key of {@code key}, or null where it is not shared. */
  String keyOf(K key) {
    String text = keyText.apply(key);
    return text == null ? null : namespace + digest(text);
  }

  /** A stored answer's bytes and when they were stored, or null. */
  Entry get(String sharedKey) {
    byte[] stored = level.get(sharedKey);
    if (stored == null || stored.length < HEADER || stored[0] != FORMAT) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(stored);
    buffer.get();
    long storedMillis = buffer.getLong();
    byte[] payload = new byte[buffer.remaining()];
    buffer.get(payload);
    return new Entry(payload, storedMillis);
  }

  void put(String sharedKey, byte[] payload) {
    ByteBuffer stored = ByteBuffer.allocate(HEADER + payload.length);
    stored.put(FORMAT).putLong(System.currentTimeMillis()).put(payload);
    level.put(sharedKey, stored.array(), ttl);
  }

  /** An answer as another JVM stored it: its bytes, and when (epoch ms, that JVM's clock). */
  record Entry(byte[] payload, long storedMillis) {

    long ageNanos() {
      return Math.max(0, System.currentTimeMillis() - storedMillis) * 1_000_000L;
    }
  }

  /** A short, stable digest: the first 8 bytes of the SHA-256 of {@code text}, as hex. */
  public static String fingerprint(String text) {
    byte[] hash = sha256(text);
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      hex.append(Character.forDigit((hash[i] >> 4) & 0xF, 16)).append(Character.forDigit(hash[i] & 0xF, 16));
    }
    return hex.toString();
  }

  private static String digest(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(text));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException impossible) {
      // every JDK has SHA-256
      throw new IllegalStateException(impossible);
    }
  }
}
