package io.perfweave.analyzer.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import one.jfr.Dictionary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStringsTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @Test
  void everyEncoding_readAsTheJdkWritesIt() throws Exception {
    utf8("héllo");
    latin1("site-a");
    chars("site-a");
    out.write(0);
    out.write(1);
    out.write(2);
    varint(7);
    Dictionary<String> pool = new Dictionary<>();
    pool.put(7, "pooled");
    EventStrings strings = strings(pool);

    assertEquals("héllo", strings.read());
    String latin1 = strings.read();
    assertEquals("site-a", latin1);
    assertSame(latin1, strings.read(), "the same value as chars is the same string");
    assertNull(strings.read());
    assertEquals("", strings.read());
    assertEquals("pooled", strings.read());
  }

  @Test
  void aValueReadAgain_isTheSameInstance_butNotALongOne() throws Exception {
    latin1("balance-read");
    chars("skipped");
    latin1("balance-read");
    utf8("x".repeat(EventStrings.LONGEST_KEPT + 1));
    utf8("x".repeat(EventStrings.LONGEST_KEPT + 1));
    EventStrings strings = strings(new Dictionary<>());

    String first = strings.read();
    strings.skip();
    assertSame(first, strings.read());
    String longOne = strings.read();
    String again = strings.read();
    assertEquals(longOne, again);
    assertNotSame(longOne, again, "longer than kept: made anew, nothing held");
  }

  @Test
  void aFieldRepeatingItsLastValue_getsItWithoutDecoding_andAChangeIsSeen() throws Exception {
    chars("balance-read");
    chars("balance-read");
    chars("balance-write");
    out.write(2);
    varint(7);
    out.write(2);
    varint(7);
    chars("balance-read");
    Dictionary<String> pool = new Dictionary<>();
    pool.put(7, "pooled");
    EventStrings strings = strings(pool);

    String first = strings.read(0);
    assertSame(first, strings.read(0));
    assertEquals("balance-write", strings.read(0));
    assertEquals("pooled", strings.read(0));
    assertEquals("pooled", strings.read(0));
    assertSame(first, strings.read(0), "kept from before, by value");
  }

  private EventStrings strings(Dictionary<String> pool) throws Exception {
    Path file = dir.resolve("bytes");
    Files.write(file, out.toByteArray());
    ChunkBytes bytes = ChunkBytes.read(file);
    return new EventStrings(bytes, pool, 2);
  }

  private void utf8(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.write(3);
    varint(bytes.length);
    out.writeBytes(bytes);
  }

  private void latin1(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
    out.write(5);
    varint(bytes.length);
    out.writeBytes(bytes);
  }

  private void chars(String value) {
    out.write(4);
    varint(value.length());
    value.chars().forEach(this::varint);
  }

  private void varint(long value) {
    while ((value & ~0x7fL) != 0) {
      out.write((int) (value & 0x7f) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
  }
}
