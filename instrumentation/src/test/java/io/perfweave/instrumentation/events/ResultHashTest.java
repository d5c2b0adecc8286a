package io.perfweave.instrumentation.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ResultHashTest {

  @Test
  void sipHash_matchesTheReferenceVector() {
    // SipHash-2-4, key 00..0f, message 00..07 (the reference implementation's vectors)
    assertEquals(0x93f5f5799a932462L, ResultHash.Key.sipHash(0x0706050403020100L, 0x0f0e0d0c0b0a0908L, 0x0706050403020100L));
  }

  @Test
  void equalValuesHashAlike_othersNot() {
    assertEquals(ResultHash.ofValue("0x10"), ResultHash.ofValue(new String("0x10")));
    assertNotEquals(ResultHash.ofValue("0x10"), ResultHash.ofValue("0x11"));
    assertEquals(ResultHash.ofValue(List.of(1, 2)), ResultHash.ofValue(new ArrayList<>(List.of(1, 2))));
  }

  @Test
  void noHash_forNullIdentityOnlyTypesAndHugeCollections() {
    assertEquals(0, ResultHash.ofValue(null));
    assertEquals(0, ResultHash.ofValue(new Object()));
    List<Integer> huge = new ArrayList<>();
    for (int i = 0; i <= ResultHash.MAX_ELEMENTS; i++) {
      huge.add(i);
    }
    assertEquals(0, ResultHash.ofValue(huge));
  }
}
