package io.perfweave.agent.config;

import io.perfweave.instrumentation.config.HttpConfig;
import io.perfweave.instrumentation.config.MetricsConfig;
import io.perfweave.instrumentation.config.RedisConfig;
import io.perfweave.instrumentation.config.SiteConfig;
import io.perfweave.profiler.ProfilingConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole agent config, validated once by {@link ConfigLoader}.
 *
 * @param output where recordings and reports go; default {@code perfweave-out}
 * @param failFast whether a bad config stops the JVM instead of running it uninstrumented;
 *     default false
 * @param profiling the JFR recording and the async-profiler session
 * @param sites call sites chosen by type and method
 * @param http the built-in HTTP client sites
 * @param metrics where the sites' meters are exported; default nowhere
 * @param redis the server of the caches' shared level ({@code cache.l2}), or empty
 */
public record PerfweaveConfig(
    Path output,
    boolean failFast,
    ProfilingConfig profiling,
    List<SiteConfig> sites,
    HttpConfig http,
    MetricsConfig metrics,
    Optional<RedisConfig> redis) {

  public PerfweaveConfig {
    sites = List.copyOf(sites);
  }
}
