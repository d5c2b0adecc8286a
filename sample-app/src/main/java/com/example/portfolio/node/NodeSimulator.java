package com.example.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JSON-RPC node on 127.0.0.1: deterministic balances, a block height that advances, latency
 * with a tail, a share of reads failing with 503, and a count of every request per method.
 */
final class NodeSimulator implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Random random;
  private final double failureRate;
  private final long started = System.nanoTime();
  private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();

  NodeSimulator(long seed, double failureRate) throws IOException {
    this.random = new Random(seed);
    this.failureRate = failureRate;
    // without it the JDK server's Nagle delays add ~40ms to every response
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/rpc", this::handle);
    server.createContext("/counters", this::counters);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/rpc";
  }

  Map<String, Long> received() {
    Map<String, Long> counts = new TreeMap<>();
    received.forEach((method, count) -> counts.put(method, count.get()));
    return counts;
  }

  /** GET /counters: the requests received per method, as JSON. */
  private void counters(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = JSON.writeValueAsBytes(received());
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      String method = request.path("method").asText();
      received.computeIfAbsent(method, m -> new AtomicLong()).incrementAndGet();
      sleep(latencyMillis());
      if (!method.startsWith("send") && failNow()) {
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
      response.set("id", request.get("id"));
      response.set("result", JSON.valueToTree(result(method, request.path("params"))));
      byte[] body = JSON.writeValueAsBytes(response);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private Object result(String method, JsonNode params) {
    switch (method) {
      case "getBalance":
        return (params.path(0).asText().hashCode() & 0x7fffffff) % 1_000_000;
      case "getBlockCount":
        return 1_000 + (System.nanoTime() - started) / 1_000_000_000L;
      case "sendTransaction":
        return "0x" + Integer.toHexString(params.path(0).asText().hashCode());
      default:
        return null;
    }
  }

  private synchronized long latencyMillis() {
    return random.nextDouble() < 0.05 ? 25 + random.nextInt(25) : 2 + random.nextInt(4);
  }

  private synchronized boolean failNow() {
    return random.nextDouble() < failureRate;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
