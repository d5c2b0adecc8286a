package io.perfweave.analyzer.read;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import one.jfr.Dictionary;

/**
 * Reads the strings of a chunk's events, as async-profiler's {@code JfrReader.getString} does,
 * but without a new {@code String} for each: an event's site, target, method and outcome are
 * the same few values millions of times, so a string read before is handed out again (the same
 * instance, its hash already computed). Strings longer than {@link #LONGEST_KEPT} bytes, and
 * any once {@link #MOST_KEPT} are kept, are made anew, so memory is bounded whatever the chunk.
 */
final class EventStrings {

  static final int LONGEST_KEPT = 256;
  static final int MOST_KEPT = 4096;

  // JFR's string encodings (jdk.jfr.internal's StringParser)
  private static final byte NULL = 0;
  private static final byte EMPTY = 1;
  private static final byte CONSTANT_POOL = 2;
  private static final byte UTF8 = 3;
  private static final byte CHAR_ARRAY = 4;
  private static final byte LATIN1 = 5;

  private static final int SLOTS = Integer.highestOneBit(MOST_KEPT) * 4;

  private final ChunkBytes bytes;
  private final Dictionary<String> pool;
  private final char[][] keptChars = new char[SLOTS][];
  private final boolean[] keptUtf8 = new boolean[SLOTS];
  private final String[] kept = new String[SLOTS];
  private int keptCount;
  // per field of the event, the last value read and its encoded bytes: most events repeat it
  private final byte[][] lastBytes;
  private final int[] lastLength;
  private final String[] lastValue;
  // the string's bytes (UTF-8, Latin-1) or chars, one per element, as read
  private char[] scratch = new char[64];

  /**
   * @param pool the chunk's constant pool of strings, for those an event refers to
   * @param fields how many fields {@link #read(int)} is given
   */
  EventStrings(ChunkBytes bytes, Dictionary<String> pool, int fields) {
    this.bytes = bytes;
    this.pool = pool;
    this.lastBytes = new byte[fields][];
    this.lastLength = new int[fields];
    this.lastValue = new String[fields];
  }

  /**
   * The next string of the event, for its {@code field}-th field: where its encoding is the
   * same bytes as that field's last value, that value without decoding anything (equal bytes
   * are the same string in every encoding JFR has).
   */
  String read(int field) {
    byte[] last = lastBytes[field];
    if (last != null && bytes.skipIfNext(last, lastLength[field])) {
      return lastValue[field];
    }
    int from = bytes.position();
    String value = read();
    int length = bytes.position() - from;
    if (value != null && length <= LONGEST_KEPT) {
      lastBytes[field] = bytes.copySince(from, last == null ? new byte[length] : last);
      lastLength[field] = length;
      lastValue[field] = value;
    }
    return value;
  }

  /** The next string of the event, null where the event has none. */
  String read() {
    byte encoding = bytes.getByte();
    return switch (encoding) {
      case NULL -> null;
      case EMPTY -> "";
      case CONSTANT_POOL -> pool.get(bytes.getVarlong());
      case UTF8, LATIN1, CHAR_ARRAY -> inline(encoding);
      default -> throw new IllegalArgumentException("invalid string encoding " + encoding);
    };
  }

  /** Reads past the next string of the event. */
  void skip() {
    byte encoding = bytes.getByte();
    switch (encoding) {
      case NULL, EMPTY -> { }
      case CONSTANT_POOL -> bytes.getVarlong();
      case UTF8, LATIN1, CHAR_ARRAY -> {
        for (int i = bytes.getVarint(); i > 0; i--) {
          next(encoding);
        }
      }
      default -> throw new IllegalArgumentException("invalid string encoding " + encoding);
    }
  }

  private String inline(byte encoding) {
    int length = bytes.getVarint();
    if (length > scratch.length) {
      scratch = new char[Math.max(length, scratch.length * 2)];
    }
    boolean utf8 = encoding == UTF8;
    int hash = utf8 ? 1 : 0;
    for (int i = 0; i < length; i++) {
      char c = next(encoding);
      scratch[i] = c;
      hash = 31 * hash + c;
    }
    return length > LONGEST_KEPT ? decode(utf8, length) : kept(utf8, length, hash);
  }

  /** One element of an inline string: a byte, or a char as a varint. */
  private char next(byte encoding) {
    return encoding == CHAR_ARRAY ? (char) bytes.getVarint() : (char) (bytes.getByte() & 0xff);
  }

  private String kept(boolean utf8, int length, int hash) {
    int mask = SLOTS - 1;
    for (int slot = (hash ^ (hash >>> 16)) & mask; ; slot = (slot + 1) & mask) {
      char[] chars = keptChars[slot];
      if (chars == null) {
        String value = decode(utf8, length);
        if (keptCount < MOST_KEPT) {
          keptChars[slot] = Arrays.copyOf(scratch, length);
          keptUtf8[slot] = utf8;
          kept[slot] = value;
          keptCount++;
        }
        return value;
      }
      if (keptUtf8[slot] == utf8 && Arrays.equals(chars, 0, chars.length, scratch, 0, length)) {
        return kept[slot];
      }
    }
  }

  /** Latin-1 bytes are the chars of the same value; UTF-8 bytes are decoded. */
  private String decode(boolean utf8, int length) {
    if (!utf8) {
      return new String(scratch, 0, length);
    }
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) scratch[i];
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
