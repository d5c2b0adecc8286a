package io.perfweave.instrumentation.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The counts read back as the HdrHistogram that recorded the same values would be, bucket for bucket. */
final class LatencyCountsTest {

  @Test
  void readBack_equalsAnHdrHistogramOfTheSameValues() {
    LatencyCounts counts = new LatencyCounts();
    Histogram expected = new Histogram(CallEvents.HIGHEST_NANOS, 2);
    SplittableRandom random = new SplittableRandom(7);
    long[] edges = {0, 1, 127, 128, 255, 256, 257, 511, 512, 1_000, 65_535, 65_536, 1_000_000_007L,
        CallEvents.HIGHEST_NANOS - 1, CallEvents.HIGHEST_NANOS};
    for (long value : edges) {
      counts.record(value);
      expected.recordValue(value);
    }
    for (int i = 0; i < 200_000; i++) {
      // spread over every magnitude: a random bit length, then a random value of that length
      long value = random.nextLong(1L << random.nextInt(1, 42)) % (CallEvents.HIGHEST_NANOS + 1);
      counts.record(value);
      expected.recordValue(value);
    }
    Histogram read = counts.copy();
    assertEquals(expected, read, "the same counts at the same indexes");
    assertEquals(expected.getTotalCount(), read.getTotalCount());
    assertEquals(expected.getValueAtPercentile(99), read.getValueAtPercentile(99));
  }

  @Test
  void outOfRangeValues_areBounded() {
    LatencyCounts counts = new LatencyCounts();
    counts.record(-5);
    counts.record(Long.MAX_VALUE);
    Histogram read = counts.copy();
    assertEquals(2, read.getTotalCount());
    assertEquals(0, read.getMinValue());
    assertEquals(read.highestEquivalentValue(CallEvents.HIGHEST_NANOS), read.getMaxValue());
  }
}
