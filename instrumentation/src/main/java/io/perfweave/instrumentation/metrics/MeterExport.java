package io.perfweave.instrumentation.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.perfweave.bridge.Bridge;
import io.perfweave.instrumentation.config.MetricsConfig;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

/**
 * The sites' exported meters: one registry that feeds each configured export (a Prometheus scrape
 * endpoint, an OTLP push, JMX), each with Micrometer's own registry. An export that cannot start
 * is said once and left out; the others and the application run on.
 */
public final class MeterExport implements AutoCloseable {

  private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
  private final List<AutoCloseable> running = new ArrayList<>();

  private MeterExport() {}

  /** Starts the exports {@code config} names; says on {@code err} where each is, or why not. */
  public static MeterExport start(MetricsConfig config, String app, PrintStream err) {
    MeterExport export = new MeterExport();
    config.prometheus().ifPresent(p -> export.add("metrics.prometheus", err, () -> export.prometheus(p, err)));
    config.otlp().ifPresent(o -> export.add("metrics.otlp", err, () -> export.otlp(o, app)));
    if (config.jmx()) {
      export.add("metrics.jmx", err, export::jmx);
    }
    return export;
  }

  /** The registry the sites' exported meters are registered in. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Pushes what is left (OTLP) and stops every export. */
  @Override
  public void close() {
    for (AutoCloseable export : running) {
      try {
        export.close();
      } catch (Exception ignored) {
        // the JVM is exiting; an export that cannot close has nothing more to say
      }
    }
  }

  private void add(String key, PrintStream err, Starter starter) {
    try {
      starter.start();
    } catch (Exception | LinkageError e) {
      err.println("perfweave: warning: " + key + " could not start, not exported: " + e);
    }
  }

  private void prometheus(MetricsConfig.Prometheus config, PrintStream err) throws Exception {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PrometheusEndpoint endpoint = PrometheusEndpoint.start(prometheus, config.host(), config.port());
    registry.add(prometheus);
    running.add(endpoint);
    err.println("perfweave: Prometheus metrics at " + endpoint.url());
  }

  private void otlp(MetricsConfig.Otlp config, String app) {
    Map<String, String> values =
        Map.of(
            "otlp.url", config.url().toString(),
            "otlp.step", config.interval().toString(),
            "otlp.baseTimeUnit", "seconds",
            "otlp.resourceAttributes", "service.name=" + app);
    OtlpConfig otlpConfig = values::get;
    OtlpMeterRegistry otlp =
        OtlpMeterRegistry.builder(otlpConfig).threadFactory(perfweaveThreads("perfweave-otlp")).build();
    registry.add(otlp);
    running.add(otlp::close);
  }

  private void jmx() {
    JmxConfig jmxConfig =
        new JmxConfig() {
          @Override
          public String get(String key) {
            return null;
          }

          @Override
          public String domain() {
            return "perfweave";
          }
        };
    JmxMeterRegistry jmx = new JmxMeterRegistry(jmxConfig, Clock.SYSTEM);
    registry.add(jmx);
    running.add(jmx::close);
  }

  /** Daemon threads that perfweave's own advice leaves alone (an export's request is not a call). */
  static ThreadFactory perfweaveThreads(String name) {
    return task -> {
      Thread thread =
          new Thread(
              () -> {
                Bridge.ownThisThread();
                task.run();
              },
              name);
      thread.setDaemon(true);
      return thread;
    };
  }

  @FunctionalInterface
  private interface Starter {
    void start() throws Exception;
  }
}
