package io.perfweave.analyzer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class NumbersTest {

  /* --- report.json --- */

  @Test
  void share_roundsToAHundredthOfAPercent() {
    assertEquals(0.9654, Numbers.share(0.965_449));
    assertEquals(0.0, Numbers.share(0.000_04));
  }

  @Test
  void millis_roundsToTheMicrosecond() {
    assertEquals(549.454, Numbers.millis(549_453_823));
  }

  @Test
  void ratio_roundsToATenth() {
    assertEquals(12.3, Numbers.ratio(12.34));
  }

  /* --- text --- */

  @Test
  void text_tenthOfAMillisecondAndOfAPercent() {
    assertEquals("549.5 ms", Numbers.millisText(549_453_823));
    assertEquals("96.5%", Numbers.percentText(0.9654));
    assertEquals("3", Numbers.plain(3.0));
    assertEquals("2.50", Numbers.plain(2.5));
  }

  /* --- config --- */

  @Test
  void niceNanos_roundsUpToOneTwoFive() {
    assertEquals(200_000_000L, Numbers.niceNanos(130_000_000L));
    assertEquals(500_000_000L, Numbers.niceNanos(201_000_000L));
    assertEquals(1_000_000_000L, Numbers.niceNanos(900_000_000L));
  }

  @Test
  void configDuration_millisBelowTenSeconds() {
    assertEquals("250ms", Numbers.configDuration(250_000_000L));
    assertEquals("30s", Numbers.configDuration(30_000_000_000L));
  }
}
