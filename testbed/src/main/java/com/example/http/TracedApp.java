package com.example.http;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;

/**
 * Makes three JSON-RPC calls with the JDK's HttpClient inside a span of its own (the OpenTelemetry
 * API, bridged by the OpenTelemetry agent), then prints the span's trace and span ids.
 * Args: PORT.
 */
public final class TracedApp {

  private TracedApp() {}

  public static void main(String[] args) throws Exception {
    Transport transport = Transport.named("jdk", "http://127.0.0.1:" + args[0] + "/rpc");
    Span span = GlobalOpenTelemetry.getTracer("traced-app").spanBuilder("refresh-balances").startSpan();
    try (Scope scope = span.makeCurrent()) {
      for (int i = 0; i < 3; i++) {
        transport.post("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"getBalance\",\"params\":[\"alice\"]}");
      }
    } finally {
      span.end();
    }
    System.out.println("span " + span.getSpanContext().getTraceId() + " " + span.getSpanContext().getSpanId());
  }
}
