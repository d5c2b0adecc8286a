package io.perfweave.instrumentation.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One site's exported meters, named and tagged after the OpenTelemetry semantic conventions for
 * client calls: {@code perfweave.client.call.duration}, a histogram in seconds with fixed buckets
 * (so Prometheus can add them up across JVMs), tagged {@code perfweave.site}, {@code outcome},
 * {@code error.type}, {@code rpc.method}, {@code http.response.status_code} and {@code
 * server.address} (empty where a call has none); and {@code perfweave.client.retries}. It is
 * perfweave's own name, not OpenTelemetry's {@code http.client.request.duration}, because it
 * times what the application waited for, cache hits included, not requests sent.
 */
public final class ExportedSite {

  public static final String DURATION = "perfweave.client.call.duration";
  public static final String RETRIES = "perfweave.client.retries";

  /** From 100 µs (a cache hit) to 10 s; above 5 ms, OpenTelemetry's default boundaries. */
  private static final Duration[] BUCKETS =
      millis(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000);

  /** Tag combinations kept per site; beyond it, calls are counted as {@link #OTHER}. */
  private static final int MAX_SERIES = 256;

  private static final String OTHER = "_other";

  private final MeterRegistry registry;
  private final String site;
  private final String serverAddress;
  private final Map<Series, Timer> timers = new ConcurrentHashMap<>();
  private final Counter retries;

  public ExportedSite(MeterRegistry registry, String site, String serverAddress) {
    this.registry = registry;
    this.site = site;
    this.serverAddress = serverAddress;
    this.retries =
        Counter.builder(RETRIES)
            .description("Calls of a site sent again by perfweave's retry")
            .tags("perfweave.site", site, "server.address", serverAddress)
            .register(registry);
  }

  /** Records one call as the application saw it. */
  public void record(long nanos, String outcome, String error, String rpcMethod, int status) {
    Series series = new Series(outcome, error == null ? "" : error, rpcMethod == null ? "" : rpcMethod, status);
    Timer timer = timers.get(series);
    if (timer == null) {
      timer = timers.size() < MAX_SERIES
          ? timers.computeIfAbsent(series, this::timer)
          : timers.computeIfAbsent(new Series(outcome, OTHER, OTHER, 0), this::timer);
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  public void retried() {
    retries.increment();
  }

  private Timer timer(Series series) {
    return Timer.builder(DURATION)
        .description("Calls of an instrumented site, as long as the application waited for them")
        .tags(Tags.of(
            "perfweave.site", site,
            "outcome", series.outcome.toLowerCase(Locale.ROOT),
            "error.type", series.error,
            "rpc.method", series.rpcMethod,
            "http.response.status_code", series.status == 0 ? "" : Integer.toString(series.status),
            "server.address", serverAddress))
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }

  private static Duration[] millis(double... values) {
    Duration[] durations = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      durations[i] = Duration.ofNanos((long) (values[i] * 1_000_000));
    }
    return durations;
  }

  private record Series(String outcome, String error, String rpcMethod, int status) {}
}
