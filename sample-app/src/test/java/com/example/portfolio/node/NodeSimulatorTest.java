package com.example.portfolio.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The node simulator in this JVM on 127.0.0.1, through the JDK's HTTP client. */
final class NodeSimulatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void answersEachDialect_withTheCallersId_andCountsEveryCall() throws Exception {
    try (NodeSimulator node = new NodeSimulator(new NodeOptions(1, 0, 500, 1000, 0))) {
      JsonNode query = rpc(node, "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"query\",\"params\":{\"request_type\":\"view_account\",\"finality\":\"final\",\"account_id\":\"x.testnet\"}}");
      assertEquals("a", query.path("id").asText());
      assertTrue(query.path("result").has("amount"));
      JsonNode batch = rpc(node, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getblockcount\",\"params\":[]},"
          + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"getnep17balances\",\"params\":[\"NAddr\"]},"
          + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"nope\"}]");
      assertEquals(3, batch.size());
      assertTrue(batch.get(0).path("result").asLong() >= 1000);
      assertEquals("NAddr", batch.get(1).path("result").path("address").asText());
      assertEquals(-32601, batch.get(2).path("error").path("code").asInt());
      assertEquals("BTCUSDT", JSON.readTree(get(node, "/api/v3/ticker/price?symbol=BTCUSDT").body()).path("symbol").asText());
      assertEquals(50, JSON.readTree(get(node, "/api/v3/klines?symbol=BTCUSDT&limit=50").body()).size());

      Map<String, Long> expected = Map.of("query", 1L, "getblockcount", 1L, "getnep17balances", 1L, "nope", 1L,
          "GET /api/v3/ticker/price", 1L, "GET /api/v3/klines", 1L);
      assertEquals(expected, node.received());
      Map<String, Long> counters =
          JSON.readValue(get(node, "/counters").body(), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Long>>() {});
      assertEquals(expected, counters);
    }
  }

  @Test
  void sameSeed_sameFailures() throws Exception {
    assertEquals(statuses(99), statuses(99));
    assertTrue(statuses(99).stream().anyMatch(s -> s != 200), "a 30% failure rate fails some of 40 calls");
  }

  @Test
  void restBeyondTheRateLimit_is429_withRetryAfter() throws Exception {
    try (NodeSimulator node = new NodeSimulator(new NodeOptions(1, 0, 500, 3, 0))) {
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        responses.add(get(node, "/api/v3/ticker/price?symbol=ETHUSDT"));
      }
      HttpResponse<String> limited = responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
      assertEquals("1", limited.headers().firstValue("Retry-After").orElseThrow());
      assertTrue(responses.stream().filter(r -> r.statusCode() == 200).count() <= 6, "at most 3 in each of two seconds");
      assertEquals(10, node.received().get("GET /api/v3/ticker/price"));
    }
  }

  private List<Integer> statuses(long seed) throws Exception {
    List<Integer> statuses = new ArrayList<>();
    try (NodeSimulator node = new NodeSimulator(new NodeOptions(seed, 0.3, 500, 1000, 0))) {
      for (int i = 0; i < 40; i++) {
        try {
          HttpResponse<String> response = http.send(post(node, "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"getSlot\"}")
              .timeout(Duration.ofMillis(300)).build(), HttpResponse.BodyHandlers.ofString());
          statuses.add(response.statusCode());
        } catch (IOException failed) {
          statuses.add(-1); // reset, or hung past the timeout
        }
      }
      assertEquals(40, node.received().get("getSlot"));
    }
    return statuses;
  }

  private JsonNode rpc(NodeSimulator node, String body) throws Exception {
    HttpResponse<String> response = http.send(post(node, body).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> get(NodeSimulator node, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder post(NodeSimulator node, String body) {
    return HttpRequest.newBuilder(URI.create(node.baseUrl() + "/rpc")).POST(HttpRequest.BodyPublishers.ofString(body));
  }
}
