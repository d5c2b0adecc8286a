package io.perfweave.instrumentation.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.perfweave.instrumentation.metrics.ExportedSite;

/**
 * Where the sites' meters go: perfweave's own registry (the exit summary, the agent's health) and,
 * where {@code metrics:} configures an export, the exported registry.
 *
 * @param registry perfweave's own registry
 * @param exported the exported registry, or null where nothing is exported
 */
public record Meters(MeterRegistry registry, MeterRegistry exported) {

  SiteMeters forSite(String site, String serverAddress) {
    return new SiteMeters(
        registry, exported == null ? null : new ExportedSite(exported, site, serverAddress), site);
  }
}
