package io.perfweave.instrumentation.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class HttpSitesTest {

  @Test
  void identifiersInPaths_becomeOneRoute() {
    assertEquals("/", HttpSites.route(""));
    assertEquals("/rpc", HttpSites.route("/rpc"));
    assertEquals("/api/v3/ticker/price", HttpSites.route("/api/v3/ticker/price"));
    assertEquals("/accounts/{id}/txs", HttpSites.route("/accounts/12345/txs"));
    assertEquals("/tx/{id}", HttpSites.route("/tx/0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"));
    assertEquals("/users/{id}/", HttpSites.route("/users/123e4567-e89b-12d3-a456-426614174000/"));
  }

  @Test
  void retryAfter_secondsOrDate() {
    assertEquals(2_000_000_000L, RetryAfter.nanos("2"));
    assertEquals(0, RetryAfter.nanos(null));
    assertEquals(0, RetryAfter.nanos("soon"));
    assertEquals(0, RetryAfter.nanos("Wed, 21 Oct 2015 07:28:00 GMT"), "a date in the past: no wait");
  }
}
