package io.perfweave.instrumentation.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class GlobsTest {

  @Test
  void star_staysWithinOneSegment() {
    assertTrue(matches("com.example.*Client", "com.example.NodeClient"));
    assertFalse(matches("com.example.*Client", "com.example.sub.NodeClient"));
  }

  @Test
  void doubleStar_crossesSegments() {
    assertTrue(matches("com.example.**", "com.example.sub.NodeClient"));
  }

  @Test
  void braces_areAlternatives() {
    assertTrue(matches("{price,maybe}", "maybe"));
    assertFalse(matches("{price,maybe}", "prices"));
  }

  @Test
  void dotsAreLiteral() {
    assertFalse(matches("com.example.A", "comXexample.A"));
  }

  @Test
  void matchesEverything_onlyWildcardsAndDots() {
    assertTrue(Globs.matchesEverything("**"));
    assertTrue(Globs.matchesEverything("*.*"));
    assertFalse(Globs.matchesEverything("com.*"));
  }

  @Test
  void literalPrefix_endsAtFirstWildcard() {
    assertEquals("java.net.", Globs.literalPrefix("java.net.*"));
    assertEquals("com.", Globs.literalPrefix("com.{a,b}.X"));
  }

  private static boolean matches(String glob, String name) {
    return Globs.toRegex(glob).matcher(name).matches();
  }
}
