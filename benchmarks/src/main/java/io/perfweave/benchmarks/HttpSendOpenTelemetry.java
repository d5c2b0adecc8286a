package io.perfweave.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/** {@link HttpSend} with the OpenTelemetry Java agent (its HttpClient instrumentation, exporters off). */
@Fork(
    value = 2,
    jvmArgsAppend = {
      "-javaagent:target/peers/opentelemetry-javaagent.jar",
      "-Dotel.traces.exporter=none",
      "-Dotel.metrics.exporter=none",
      "-Dotel.logs.exporter=none"
    })
public class HttpSendOpenTelemetry extends HttpSend {}
