package io.perfweave.analyzer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class KeyRepeatsTest {

  @Test
  void repeatAfterTheCallEnded_isAnIntervalNotAnOverlap() {
    KeyRepeats keys = new KeyRepeats();
    keys.record(7, 0, 10, 1);
    keys.record(7, 100, 110, 1);

    assertEquals(1, keys.repeats());
    assertEquals(0, keys.concurrentDuplicates());
    assertEquals(1, keys.intervals().count());
  }

  @Test
  void repeatWhileInFlight_isAConcurrentDuplicate() {
    KeyRepeats keys = new KeyRepeats();
    keys.record(7, 0, 100, 1);
    keys.record(7, 50, 120, 2);

    assertEquals(1, keys.concurrentDuplicates());
  }

  @Test
  void oneThreadNeverOverlapsItself_whateverItsTimestamps() {
    KeyRepeats keys = new KeyRepeats();
    keys.record(7, 0, 100, 1);
    keys.record(7, 50, 120, 1);

    assertEquals(0, keys.concurrentDuplicates());
    assertEquals(1, keys.repeats());
  }

  @Test
  void append_countsARepeatAcrossTheChunkBoundary() {
    KeyRepeats first = new KeyRepeats();
    first.record(7, 0, 10, 1);
    KeyRepeats second = new KeyRepeats();
    second.record(7, 100, 110, 1);
    second.record(8, 120, 130, 1);

    first.append(second);

    assertEquals(3, first.keyedCalls());
    assertEquals(1, first.repeats(), "key 7 came back in the next chunk");
    assertEquals(2, first.distinctKeys());
  }

  @Test
  void merge_keepsIndependentRecordingsApart() {
    KeyRepeats one = new KeyRepeats();
    one.record(7, 0, 10, 1);
    KeyRepeats other = new KeyRepeats();
    other.record(7, 100, 110, 1);

    one.merge(other);

    assertEquals(0, one.repeats(), "another run's call of the same key is not a repeat");
  }
}
