package com.example.portfolio.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node on 127.0.0.1 speaking the seed systems' dialects: JSON-RPC 2.0 at {@code /rpc} (single
 * or batch), an exchange's REST prices at {@code /api/v3/...} with a rate limit (429 with
 * Retry-After), latency with a tail, transient failures (503, reset, hang) decided by a seed,
 * and a count of every call it received per method at {@code GET /counters}.
 */
public final class NodeSimulator implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long HANG_MILLIS = 1_000;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(16);
  private final Chain chain;
  private final Faults faults;
  private final RateLimit rateLimit;
  private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();

  public NodeSimulator(NodeOptions options) throws IOException {
    this.chain = new Chain(options.blockMillis());
    this.faults = new Faults(options.seed(), options.failureRate());
    this.rateLimit = new RateLimit(options.restPerSecond());
    // without it the JDK server's Nagle delays add ~40ms to every response
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.server = bind(options.port());
    server.createContext("/rpc", this::rpc);
    server.createContext("/api/v3/", this::rest);
    server.createContext("/counters", this::counters);
    server.setExecutor(executor);
    server.start();
  }

  /** The given port, or any free one where it is taken (or 0). */
  private static HttpServer bind(int port) throws IOException {
    try {
      return HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (java.net.BindException taken) {
      System.err.println("node: port " + port + " is taken, using any free port");
      return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Calls received per method (JSON-RPC methods, and REST routes as {@code GET /path}). */
  public Map<String, Long> received() {
    Map<String, Long> counts = new TreeMap<>();
    received.forEach((method, count) -> counts.put(method, count.get()));
    return counts;
  }

  private void rpc(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      ArrayNode calls = request.isArray() ? (ArrayNode) request : JSON.createArrayNode().add(request);
      String first = calls.path(0).path("method").asText();
      for (JsonNode call : calls) {
        count(call.path("method").asText());
      }
      Faults.Fault fault = faults.next(first);
      long n = received.get(first).get();
      sleep(faults.latencyMillis(first, n));
      if (fail(exchange, fault)) {
        return;
      }
      ArrayNode answers = JSON.createArrayNode();
      calls.forEach(call -> answers.add(answer(call)));
      send(exchange, 200, request.isArray() ? answers : answers.get(0));
    }
  }

  private void rest(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String route = "GET " + uri.getPath();
      count(route);
      sleep(faults.latencyMillis(route, received.get(route).get()));
      if (!rateLimit.tryAcquire()) {
        exchange.getResponseHeaders().set("Retry-After", "1");
        send(exchange, 429, JSON.createObjectNode().put("code", -1003).put("msg", "Too many requests"));
        return;
      }
      if (fail(exchange, faults.next(route))) {
        return;
      }
      Map<String, String> query = query(uri.getRawQuery());
      String symbol = query.getOrDefault("symbol", "BTCUSDT");
      JsonNode body =
          uri.getPath().endsWith("/klines")
              ? chain.klines(symbol, Integer.parseInt(query.getOrDefault("limit", "100")))
              : chain.price(symbol);
      send(exchange, 200, body);
    }
  }

  private void counters(HttpExchange exchange) throws IOException {
    try (exchange) {
      send(exchange, 200, JSON.valueToTree(received()));
    }
  }

  private ObjectNode answer(JsonNode call) {
    ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0");
    JsonNode result = chain.answer(call.path("method").asText(), call.path("params"));
    if (result == null) {
      answer.putObject("error").put("code", -32601).put("message", "Method not found");
    } else {
      answer.set("result", result);
    }
    answer.set("id", call.get("id"));
    return answer;
  }

  /** Fails the exchange as {@code fault} says; true when it did. */
  private static boolean fail(HttpExchange exchange, Faults.Fault fault) throws IOException {
    switch (fault) {
      case UNAVAILABLE:
        exchange.sendResponseHeaders(503, -1);
        return true;
      case RESET:
        return true; // closed without a response
      case HANG:
        sleep(HANG_MILLIS);
        return false;
      default:
        return false;
    }
  }

  private void count(String method) {
    received.computeIfAbsent(method, m -> new AtomicLong()).incrementAndGet();
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new TreeMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          query.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    }
    return query;
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
    executor.shutdownNow();
  }
}
