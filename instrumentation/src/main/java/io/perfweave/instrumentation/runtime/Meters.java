package io.perfweave.instrumentation.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.perfweave.instrumentation.metrics.ExportedSite;

/**
 * Where the sites' meters go: each site's own counters and histogram (the exit summary) and,
 * where {@code metrics:} configures an export, the exported registry.
 *
 * @param exported the exported registry, or null where nothing is exported (Micrometer is then
 *     never loaded)
 */
public record Meters(MeterRegistry exported) {

  SiteMeters forSite(String site, String serverAddress) {
    return new SiteMeters(exported == null ? null : new ExportedSite(exported, site, serverAddress));
  }
}
