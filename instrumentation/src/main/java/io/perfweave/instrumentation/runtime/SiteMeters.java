package io.perfweave.instrumentation.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A site's Micrometer meters: one timer and a success and an error counter. */
final class SiteMeters {

  // Percentiles cover the whole run: one histogram that never rotates (the exit summary reads it).
  private static final Duration WHOLE_RUN = Duration.ofDays(3650);

  private final Timer timer;
  private final Counter successes;
  private final Counter errors;

  SiteMeters(MeterRegistry registry, String site) {
    this.timer =
        Timer.builder("perfweave.calls")
            .description("Calls of an instrumented site")
            .tag("site", site)
            .publishPercentiles(0.5, 0.95, 0.99)
            .percentilePrecision(2)
            .distributionStatisticExpiry(WHOLE_RUN)
            .distributionStatisticBufferLength(1)
            .register(registry);
    this.successes = Counter.builder("perfweave.calls.success").tag("site", site).register(registry);
    this.errors = Counter.builder("perfweave.calls.error").tag("site", site).register(registry);
  }

  void record(long nanos, boolean failed) {
    timer.record(nanos, TimeUnit.NANOSECONDS);
    (failed ? errors : successes).increment();
  }

  Timer timer() {
    return timer;
  }

  long errorCount() {
    return (long) errors.count();
  }
}
