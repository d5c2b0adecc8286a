package io.perfweave.instrumentation.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class KeyPartsTest {

  enum Tag {
    A
  }

  record Point(int x, int y) {}

  @Test
  void valuesWithOwnEquality_areKeptAsTheyAre() {
    assertEquals("s", KeyParts.of("s"));
    assertEquals(new Point(1, 2), KeyParts.of(new Point(1, 2)));
    assertEquals(Tag.A, KeyParts.of(Tag.A));
    assertEquals(Duration.ofSeconds(1), KeyParts.of(Duration.ofSeconds(1)));
  }

  @Test
  void arrays_compareByElements() {
    assertEquals(KeyParts.of(new int[] {1, 2}), KeyParts.of(new int[] {1, 2}));
    assertNotEquals(KeyParts.of(new int[] {1, 2}), KeyParts.of(new int[] {2, 1}));
    assertEquals(List.of("a"), KeyParts.of(new String[] {"a"}));
  }

  @Test
  void typeWithoutOwnEquality_isUnsupported() {
    assertSame(KeyParts.UNSUPPORTED, KeyParts.of(new Object()));
    assertSame(KeyParts.UNSUPPORTED, KeyParts.of(new Object[] {new Object()}));
  }

  @Test
  void receiver_comparesByIdentity() {
    String a = new String("x");
    String b = new String("x");
    assertEquals(KeyParts.identity(a), KeyParts.identity(a));
    assertNotEquals(KeyParts.identity(a), KeyParts.identity(b));
  }

  @Test
  void cacheKey_equalPartsEqualHashes() {
    CacheKey one = key("get(Ljava/lang/String;I)J", "a", 1);
    CacheKey two = key("get(Ljava/lang/String;I)J", "a", 1);
    assertEquals(one, two);
    assertEquals(one.hash64(), two.hash64());
    assertNotEquals(one.hash64(), key("get(Ljava/lang/String;I)J", "a", 2).hash64());
  }

  @Test
  void cacheKey_twoMethodsOfASite_twoKeys() {
    assertNotEquals(key("balance(Ljava/lang/String;)J", "a"), key("nonce(Ljava/lang/String;)J", "a"));
  }

  @Test
  void sharedText_typedAndStable_orNoneForAnObject() {
    assertEquals("java.lang.String#m(...)|S1:1|Integer:1|[2:Long:2,N,]|Ejava.util.concurrent.TimeUnit.SECONDS",
        key("m(...)", "1", 1, Arrays.asList(2L, null), java.util.concurrent.TimeUnit.SECONDS).sharedText());
    assertNotEquals(key("m", (byte) 5).sharedText(), key("m", java.math.BigInteger.valueOf(5)).sharedText());
    assertNull(key("m", new Point(1, 2)).sharedText());
  }

  private static CacheKey key(String method, Object... parts) {
    return new CacheKey(String.class, method, parts);
  }
}
