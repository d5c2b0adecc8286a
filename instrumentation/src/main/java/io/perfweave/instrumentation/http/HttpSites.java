package io.perfweave.instrumentation.http;

import io.perfweave.instrumentation.runtime.Meters;
import io.perfweave.instrumentation.runtime.SiteRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in HTTP sites, named {@code http:<host>/<route>} as requests arrive ({@link Routes}:
 * no identifier, key or token appears); past {@link #MAX_SITES} names, a host's new paths share
 * {@code http:<host>/*}. A request's route is worked out once per address.
 */
final class HttpSites {

  static final int MAX_SITES = 200;

  private static final int MAX_ADDRESSES = 10_000;

  /** A site and the target its requests are shown with in events (the route, not the raw path). */
  record Addressed(SiteRuntime site, String target) {}

  /** Where a request goes, as the client library gave it: the key a route is kept under. */
  private record Address(String method, String host, int port, String path) {}

  private final ConcurrentHashMap<String, SiteRuntime> sites = new ConcurrentHashMap<>();
  /**
   * Sites and targets by method, authority and raw path, so that a path is turned into a route,
   * and the strings an event shows are built, once.
   */
  private final ConcurrentHashMap<Address, Addressed> byAddress = new ConcurrentHashMap<>();
  private final Meters meters;
  private final long callEventsPerSecond;
  private final Routes routes;

  HttpSites(Meters meters, Routes routes, long callEventsPerSecond) {
    this.meters = meters;
    this.routes = routes;
    this.callEventsPerSecond = callEventsPerSecond;
  }

  Addressed of(HttpRequestView request) {
    Address address = new Address(request.method(), request.host(), request.port(), request.path());
    Addressed known = byAddress.get(address);
    if (known != null) {
      return known;
    }
    String route = routes.route(request.path());
    Addressed addressed =
        new Addressed(named("http:" + request.authority() + route, request), request.target(route));
    if (byAddress.size() < MAX_ADDRESSES) {
      byAddress.put(address, addressed);
    }
    return addressed;
  }

  private SiteRuntime named(String name, HttpRequestView request) {
    SiteRuntime site = sites.get(name);
    if (site != null) {
      return site;
    }
    if (sites.size() >= MAX_SITES) {
      name = "http:" + request.authority() + "/*";
    }
    return sites.computeIfAbsent(
        name, n -> new SiteRuntime(n, true, false, meters, request.host(), callEventsPerSecond));
  }

  List<SiteRuntime> all() {
    return new ArrayList<>(sites.values());
  }
}
