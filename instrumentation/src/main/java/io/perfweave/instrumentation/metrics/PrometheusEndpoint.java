package io.perfweave.instrumentation.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /metrics} in Prometheus's text format, served by the JDK's own HTTP server on one
 * daemon thread, so that it never keeps the application's JVM alive.
 */
final class PrometheusEndpoint implements AutoCloseable {

  private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;

  private PrometheusEndpoint(HttpServer server) {
    this.server = server;
  }

  static PrometheusEndpoint start(PrometheusMeterRegistry registry, String host, int port)
      throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
    server.createContext("/metrics", exchange -> scrape(registry, exchange));
    server.setExecutor(Executors.newSingleThreadExecutor(MeterExport.perfweaveThreads("perfweave-prometheus")));
    startAsDaemon(server);
    return new PrometheusEndpoint(server);
  }

  /** The server's dispatcher thread takes its daemon flag from the thread that starts it. */
  private static void startAsDaemon(HttpServer server) throws Exception {
    AtomicReference<RuntimeException> failed = new AtomicReference<>();
    Thread starter =
        MeterExport.perfweaveThreads("perfweave-prometheus-start")
            .newThread(
                () -> {
                  try {
                    server.start();
                  } catch (RuntimeException e) {
                    failed.set(e);
                  }
                });
    starter.start();
    starter.join();
    if (failed.get() != null) {
      throw failed.get();
    }
  }

  String url() {
    InetSocketAddress address = server.getAddress();
    return "http://" + address.getHostString() + ":" + address.getPort() + "/metrics";
  }

  private static void scrape(PrometheusMeterRegistry registry, HttpExchange exchange)
      throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = registry.scrape(TEXT_FORMAT).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", TEXT_FORMAT);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
