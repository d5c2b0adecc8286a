package io.perfweave.instrumentation.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class HttpSitesTest {

  private final Routes routes = new Routes(List.of());

  /* --- routes --- */

  @Test
  void identifiersInPaths_becomeOneRoute() {
    assertEquals("/", routes.route(""));
    assertEquals("/rpc", routes.route("/rpc"));
    assertEquals("/api/v3/ticker/price", routes.route("/api/v3/ticker/price"));
    assertEquals("/accounts/{id}/txs", routes.route("/accounts/12345/txs"));
    assertEquals("/tx/{id}", routes.route("/tx/0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"));
    assertEquals("/users/{id}/", routes.route("/users/123e4567-e89b-12d3-a456-426614174000/"));
  }

  @Test
  void keysInPaths_neverShown() {
    assertEquals("/v2/{key}/rpc", routes.route("/v2/SECRET456/rpc"));
    assertEquals("/v3/{key}", routes.route("/v3/9aa3d95b3bc440fa88ea12eaa4456161"));
    assertEquals("/v2/{key}", routes.route("/v2/alcht_Xy7kP2mQ9rT4vW8zA1bC3dE5"));
    assertEquals("/rpc/{key}/", routes.route("/rpc/qn_7Hd92kLmP03xYz81QwErTy/"));
    assertEquals("/api/v3/klines", routes.route("/api/v3/klines"), "a word after a version is a route");
  }

  @Test
  void redactPatterns_hideWholeSegments() {
    Routes custom = new Routes(List.of(Pattern.compile("tenant-[a-z]+")));
    assertEquals("/{redacted}/rpc", custom.route("/tenant-acme/rpc"));
  }

  /* --- Retry-After --- */

  @Test
  void retryAfter_secondsOrDate() {
    assertEquals(2_000_000_000L, RetryAfter.nanos("2"));
    assertEquals(0, RetryAfter.nanos(null));
    assertEquals(0, RetryAfter.nanos("soon"));
    assertEquals(0, RetryAfter.nanos("Wed, 21 Oct 2015 07:28:00 GMT"), "a date in the past: no wait");
  }
}
