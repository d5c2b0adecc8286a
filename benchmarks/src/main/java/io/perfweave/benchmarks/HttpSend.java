package io.perfweave.benchmarks;

import com.example.bench.LoopbackServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One JSON-RPC call with the JDK's HttpClient to a plain-socket server on 127.0.0.1. The
 * subclasses run it with no agent, with perfweave's built-in HTTP site, and with the
 * OpenTelemetry agent; the differences are what each agent adds to a real RPC call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public abstract class HttpSend {

  private LoopbackServer server;
  private HttpClient client;
  private HttpRequest request;

  @Setup(Level.Trial)
  public void start() throws Exception {
    server = new LoopbackServer();
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    request =
        HttpRequest.newBuilder(URI.create(server.url()))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBalance\",\"params\":[\"0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae\",\"0x10d4f\"]}"))
            .build();
  }

  @Benchmark
  public String send() throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    server.close();
  }
}
