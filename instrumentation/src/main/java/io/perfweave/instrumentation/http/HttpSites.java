package io.perfweave.instrumentation.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.perfweave.instrumentation.runtime.SiteRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The built-in HTTP sites, named {@code http:<host>/<path>} as requests arrive. Path segments that
 * are identifiers (numbers, long hex, UUIDs) become {@code {id}} so that a REST API makes one site
 * per route, not one per resource; past {@link #MAX_SITES} names, a host's new paths share
 * {@code http:<host>/*}.
 */
final class HttpSites {

  static final int MAX_SITES = 200;
  private static final Pattern IDENTIFIER =
      Pattern.compile("\\d+|[0-9a-fA-F]{16,}|0x[0-9a-fA-F]+|[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}");

  private static final int MAX_ADDRESSES = 10_000;

  private final ConcurrentHashMap<String, SiteRuntime> sites = new ConcurrentHashMap<>();
  /** Sites by authority and raw path, so that a path is turned into a route once. */
  private final ConcurrentHashMap<String, SiteRuntime> byAddress = new ConcurrentHashMap<>();
  private final MeterRegistry registry;

  HttpSites(MeterRegistry registry) {
    this.registry = registry;
  }

  SiteRuntime of(HttpRequestView request) {
    String address = request.authority() + request.path();
    SiteRuntime known = byAddress.get(address);
    if (known != null) {
      return known;
    }
    SiteRuntime site = named("http:" + request.authority() + route(request.path()), request);
    if (byAddress.size() < MAX_ADDRESSES) {
      byAddress.put(address, site);
    }
    return site;
  }

  private SiteRuntime named(String name, HttpRequestView request) {
    SiteRuntime site = sites.get(name);
    if (site != null) {
      return site;
    }
    if (sites.size() >= MAX_SITES) {
      name = "http:" + request.authority() + "/*";
    }
    return sites.computeIfAbsent(name, n -> new SiteRuntime(n, true, false, registry));
  }

  List<SiteRuntime> all() {
    return new ArrayList<>(sites.values());
  }

  static String route(String path) {
    if (path.isEmpty() || path.equals("/")) {
      return "/";
    }
    StringBuilder route = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (!segment.isEmpty()) {
        route.append('/').append(IDENTIFIER.matcher(segment).matches() ? "{id}" : segment);
      }
    }
    return path.endsWith("/") ? route.append('/').toString() : route.toString();
  }
}
