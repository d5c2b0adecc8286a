package io.perfweave.agent.config;

import io.perfweave.instrumentation.config.MetricsConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code metrics:} section: the Prometheus endpoint, the OTLP push and JMX. */
final class MetricsReader {

  private MetricsReader() {}

  static MetricsConfig read(Optional<Section> section) throws ConfigException {
    if (section.isEmpty()) {
      return MetricsConfig.NONE;
    }
    Section metrics = section.get();
    metrics.allowOnly(Set.of("prometheus", "otlp", "jmx"));
    Optional<MetricsConfig.Prometheus> prometheus = Optional.empty();
    if (metrics.has("prometheus")) {
      Section p = metrics.section("prometheus").orElseThrow();
      p.allowOnly(Set.of("host", "port"));
      String host = p.string("host", "127.0.0.1");
      int port = (int) p.number("port", 9464);
      prometheus = Optional.of(p.build(() -> new MetricsConfig.Prometheus(host, port)));
    }
    Optional<MetricsConfig.Otlp> otlp = Optional.empty();
    if (metrics.has("otlp")) {
      Section o = metrics.section("otlp").orElseThrow();
      o.allowOnly(Set.of("url", "interval"));
      URI url = url(o);
      Duration interval = o.duration("interval", Duration.ofSeconds(60));
      otlp = Optional.of(o.build(() -> new MetricsConfig.Otlp(url, interval)));
    }
    boolean jmx = false;
    if (metrics.has("jmx")) {
      Section j = metrics.section("jmx").orElseThrow();
      j.allowOnly(Set.of("enabled"));
      jmx = j.bool("enabled", true);
    }
    return new MetricsConfig(prometheus, otlp, jmx);
  }

  private static URI url(Section otlp) throws ConfigException {
    if (!otlp.has("url")) {
      throw otlp.errorHere("needs url (the receiver's metrics URL, as http://127.0.0.1:4318/v1/metrics)");
    }
    String text = otlp.string("url", "");
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw otlp.error("url", "must be a URL, was '" + text + "'");
    }
  }
}
