package io.perfweave.instrumentation.config;

import static io.perfweave.instrumentation.config.Checks.requireArgument;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code metrics:} section: where the sites' meters are exported. Every export is off unless
 * configured, and its library is not loaded until then.
 *
 * @param prometheus a scrape endpoint, or empty
 * @param otlp an OTLP/HTTP push, or empty
 * @param jmx whether the meters are registered as MBeans (domain {@code perfweave}); default false
 */
public record MetricsConfig(Optional<Prometheus> prometheus, Optional<Otlp> otlp, boolean jmx) {

  /** No export: the default. */
  public static final MetricsConfig NONE = new MetricsConfig(Optional.empty(), Optional.empty(), false);

  /** Whether any export is configured. */
  public boolean any() {
    return prometheus.isPresent() || otlp.isPresent() || jmx;
  }

  /**
   * {@code metrics.prometheus}: {@code GET http://host:port/metrics}.
   *
   * @param host the address bound; default {@code 127.0.0.1}, so nothing is exposed beyond the
   *     machine unless asked for
   * @param port the port; 0 picks a free one (said on stderr)
   */
  public record Prometheus(String host, int port) {
    public Prometheus {
      requireArgument(port >= 0 && port <= 65535, "port must be 0 to 65535, was %s", port);
    }
  }

  /**
   * {@code metrics.otlp}: OTLP over HTTP (protobuf), cumulative temporality.
   *
   * @param url the receiver's metrics URL, for example {@code http://127.0.0.1:4318/v1/metrics}
   * @param interval how often the meters are pushed; default 60s
   */
  public record Otlp(URI url, Duration interval) {
    public Otlp {
      requireArgument("http".equals(url.getScheme()) || "https".equals(url.getScheme()),
          "url must be an http or https URL, was '%s'", url);
      requireArgument(interval.toMillis() >= 1000, "interval must be at least 1s, was %s", interval);
    }
  }
}
