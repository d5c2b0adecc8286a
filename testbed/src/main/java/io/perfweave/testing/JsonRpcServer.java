package io.perfweave.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JSON-RPC 2.0 server on 127.0.0.1 ({@code POST /rpc}) that counts every request it receives
 * by method and fails some of them on purpose: for a method given a {@link Failure}, the 1st,
 * 4th, 7th... request naming it fails that way. Methods: {@code getBalance [account, tag?]},
 * {@code getBlockCount [tag]}, {@code sendTransaction [tx]}; a batch counts each element.
 */
public final class JsonRpcServer implements AutoCloseable {

  /** How a request fails. */
  public enum Failure {
    /** 503 Service Unavailable, no Retry-After. */
    UNAVAILABLE,
    /** The connection is closed without a response. */
    RESET,
    /** 429 Too Many Requests with {@code Retry-After: 1}. */
    RATE_LIMITED,
    /** 429 Too Many Requests with {@code Retry-After: 120}. */
    RATE_LIMITED_LONG
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Map<String, Failure> failures;
  private final long holdFailuresMillis;
  private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger transactions = new AtomicInteger();

  public JsonRpcServer(Map<String, Failure> failures) throws IOException {
    this(failures, 0);
  }

  /**
   * A server that holds each failing request {@code holdFailuresMillis} before failing it, so that
   * the calls a client makes meanwhile find it in flight.
   */
  public JsonRpcServer(Map<String, Failure> failures, long holdFailuresMillis) throws IOException {
    this(failures, holdFailuresMillis, "/rpc");
  }

  /** A server answering at {@code path} (a node provider puts its API key there). */
  public JsonRpcServer(Map<String, Failure> failures, long holdFailuresMillis, String path)
      throws IOException {
    this.failures = Map.copyOf(failures);
    this.holdFailuresMillis = holdFailuresMillis;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(path, this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Calls of {@code method} received, batch elements included, failed ones included. */
  public int received(String method) {
    AtomicInteger count = received.get(method);
    return count == null ? 0 : count.get();
  }

  /** HTTP requests received. */
  public int requests() {
    return requests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
      Failure failure = null;
      for (JsonNode call : request.isArray() ? request : JSON.createArrayNode().add(request)) {
        String method = call.path("method").asText();
        int seen = received.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        if (failures.containsKey(method) && seen % 3 == 1) {
          failure = failures.get(method);
        }
      }
      if (failure != null) {
        hold();
        fail(exchange, failure);
        return;
      }
      byte[] body = JSON.writeValueAsBytes(answer(request));
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private void hold() {
    try {
      Thread.sleep(holdFailuresMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void fail(HttpExchange exchange, Failure failure) throws IOException {
    switch (failure) {
      case RESET:
        return; // closing the exchange before any response closes the connection
      case UNAVAILABLE:
        exchange.sendResponseHeaders(503, -1);
        return;
      default:
        exchange.getResponseHeaders().set("Retry-After", failure == Failure.RATE_LIMITED ? "1" : "120");
        exchange.sendResponseHeaders(429, -1);
    }
  }

  private JsonNode answer(JsonNode request) {
    if (!request.isArray()) {
      return answerOne(request);
    }
    ArrayNode answers = JSON.createArrayNode();
    // answered in reverse order, as JSON-RPC allows: clients must match by id
    for (int i = request.size() - 1; i >= 0; i--) {
      answers.add(answerOne(request.get(i)));
    }
    return answers;
  }

  private ObjectNode answerOne(JsonNode call) {
    ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0");
    JsonNode params = call.path("params");
    switch (call.path("method").asText()) {
      case "getBalance":
        answer.put("result", 1000L * params.path(0).asText().length());
        break;
      case "getBlockCount":
        answer.put("result", 100);
        break;
      case "sendTransaction":
        answer.put("result", "0xtx" + transactions.incrementAndGet());
        break;
      case "getBlob": // a result of as many kilobytes as asked, larger than a cache keeps
        answer.put("result", "b".repeat(1024 * params.path(0).asInt()));
        break;
      default:
        answer.putObject("error").put("code", -32601).put("message", "Method not found");
    }
    answer.set("id", call.get("id"));
    return answer;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
