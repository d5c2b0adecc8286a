package io.perfweave.instrumentation.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class KeyShapeTest {

  private static final String METHOD = "get(Ljava/lang/Object;Ljava/lang/Object;)J";

  @Test
  void allArguments_keptAsTheyAre_orConverted_giveTheSameKeys() {
    KeyShape all = KeyShape.ALL_ARGUMENTS;
    CacheKey values = all.build(String.class, METHOD, null, new Object[] {"a", 1L});
    assertEquals(values, all.build(String.class, METHOD, null, new Object[] {"a", 1L}));
    assertEquals(values.hash64(), all.build(String.class, METHOD, null, new Object[] {"a", 1L}).hash64());
    assertNotEquals(values, all.build(String.class, METHOD, null, new Object[] {"a", 2L}));
    // an array argument is converted to its elements: equal contents, equal keys
    assertEquals(
        all.build(String.class, METHOD, null, new Object[] {"a", new int[] {1, 2}}),
        all.build(String.class, METHOD, null, new Object[] {"a", new int[] {1, 2}}));
  }

  @Test
  void chosenArguments_andTheReceiver() {
    KeyShape second = new KeyShape(List.of(1), true);
    Object receiver = new Object();
    CacheKey key = second.build(String.class, METHOD, receiver, new Object[] {"ignored", 7});
    assertEquals(key, second.build(String.class, METHOD, receiver, new Object[] {"other", 7}));
    assertNotEquals(key, second.build(String.class, METHOD, new Object(), new Object[] {"ignored", 7}));
  }

  @Test
  void noKey_andWhy() {
    Object[] unsupported = {"a", new Object()};
    assertNull(KeyShape.ALL_ARGUMENTS.build(String.class, METHOD, null, unsupported));
    assertTrue(KeyShape.ALL_ARGUMENTS.whyNoKey(unsupported).startsWith("argument 1 is a java.lang.Object"));
    KeyShape third = new KeyShape(List.of(2), false);
    Object[] two = {"a", "b"};
    assertNull(third.build(String.class, METHOD, null, two));
    assertEquals("key index 2 but the method has 2 arguments", third.whyNoKey(two));
    assertNull(KeyShape.ALL_ARGUMENTS.whyNoKey(new Object[] {"a", 1L}));
  }
}
