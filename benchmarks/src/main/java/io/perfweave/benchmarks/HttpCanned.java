package io.perfweave.benchmarks;

import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One JSON-RPC call through OkHttp's {@code Call.execute()} (what perfweave weaves), answered by an
 * application interceptor from memory: no socket, so the call is a few microseconds and what the
 * HTTP site adds to it (reading the request, parsing the JSON-RPC body, peeking and hashing the
 * response, the event) is not lost in a network round trip's noise, as it is in {@link HttpSend}.
 * The subclasses run it with no agent and with perfweave's built-in HTTP site.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class HttpCanned {

  private static final MediaType JSON = MediaType.get("application/json");
  private static final String REQUEST =
      "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_getBalance\","
          + "\"params\":[\"0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae\",\"0x10d4f\"]}";
  private static final String RESPONSE = "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0x1b1ae4d6e2ef500000\"}";

  private OkHttpClient client;
  private Request request;

  @Setup(Level.Trial)
  public void start() {
    client =
        new OkHttpClient.Builder()
            .addInterceptor(chain -> answer(chain.request()))
            .build();
    request =
        new Request.Builder()
            .url("http://127.0.0.1:8545/rpc")
            .post(RequestBody.create(REQUEST.getBytes(java.nio.charset.StandardCharsets.UTF_8), JSON))
            .build();
  }

  @Benchmark
  public String call() throws Exception {
    try (Response response = client.newCall(request).execute()) {
      return response.body().string();
    }
  }

  private static Response answer(Request request) {
    return new Response.Builder()
        .request(request)
        .protocol(Protocol.HTTP_1_1)
        .code(200)
        .message("OK")
        .header("Content-Type", "application/json")
        .body(ResponseBody.create(RESPONSE, JSON))
        .build();
  }
}
