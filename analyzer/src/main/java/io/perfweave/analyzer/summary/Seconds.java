package io.perfweave.analyzer.summary;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.TreeSet;

/**
 * The seconds in which one JVM called one key, as text: sorted epoch seconds, each the varint of
 * its distance from the one before, in base64. A key called every second for half an hour takes
 * about 2.4 KB; one called now and then, a few bytes.
 */
final class Seconds {

  private Seconds() {}

  static String encode(TreeSet<Long> seconds) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long previous = 0;
    for (long second : seconds) {
      long delta = second - previous;
      previous = second;
      while ((delta & ~0x7FL) != 0) {
        bytes.write((int) ((delta & 0x7F) | 0x80));
        delta >>>= 7;
      }
      bytes.write((int) delta);
    }
    return Base64.getEncoder().withoutPadding().encodeToString(bytes.toByteArray());
  }

  static TreeSet<Long> decode(String text) {
    byte[] bytes = Base64.getDecoder().decode(text);
    TreeSet<Long> seconds = new TreeSet<>();
    long previous = 0;
    for (int i = 0; i < bytes.length; ) {
      long delta = 0;
      int shift = 0;
      byte b;
      do {
        if (i >= bytes.length || shift > 63) {
          throw new IllegalArgumentException("a key's seconds end in the middle of a number");
        }
        b = bytes[i++];
        delta |= (long) (b & 0x7F) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      previous += delta;
      seconds.add(previous);
    }
    return seconds;
  }
}
