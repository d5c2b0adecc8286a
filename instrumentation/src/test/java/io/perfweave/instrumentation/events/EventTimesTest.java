package io.perfweave.instrumentation.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Where JFR's clock frequency cannot be read, events are not stamped, and that is said once. */
final class EventTimesTest {

  @Test
  void noFrequency_readOnce_notStamped_warnedOnce() {
    AtomicInteger reads = new AtomicInteger();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      EventTimes.readTicksPerSecond(() -> {
        reads.incrementAndGet();
        return 0;
      });
      assertFalse(EventTimes.stamped());
      assertFalse(EventTimes.stamped());
    } finally {
      System.setErr(original);
    }
    assertEquals(1, reads.get());
    String said = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, said.lines().filter(l -> l.startsWith("perfweave: warning: this JVM's JFR")).count(), said);
  }
}
