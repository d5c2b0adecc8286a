package io.perfweave.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1 that fails on purpose and counts every request it gets, by method.
 * {@link Mode#FIRST_FAILS}: the first request for each path answers 503, later ones 200;
 * {@link Mode#OUTAGE}: every request answers 503.
 */
public final class FlakyServer implements AutoCloseable {

  public enum Mode {
    FIRST_FAILS,
    OUTAGE
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Mode mode;
  private final Map<String, AtomicInteger> byMethod = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> byPath = new ConcurrentHashMap<>();

  public FlakyServer(Mode mode) throws IOException {
    this.mode = mode;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public int received(String method) {
    AtomicInteger count = byMethod.get(method);
    return count == null ? 0 : count.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byMethod.computeIfAbsent(exchange.getRequestMethod(), m -> new AtomicInteger()).incrementAndGet();
      int seen =
          byPath.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger())
              .incrementAndGet();
      boolean fail = mode == Mode.OUTAGE || seen == 1;
      byte[] body = (fail ? "unavailable" : "ok").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(fail ? 503 : 200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
