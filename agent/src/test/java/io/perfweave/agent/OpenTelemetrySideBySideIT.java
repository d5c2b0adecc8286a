package io.perfweave.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perfweave.contract.Events;
import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import io.perfweave.testing.JsonRpcServer;
import io.perfweave.testing.Recordings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * perfweave beside the OpenTelemetry Java agent, as most teams will run it: both agents attached,
 * in both orders, on JDK HttpClient and OkHttp calls, on Java 17 and 25. The application answers
 * as without agents, OpenTelemetry's client spans still come out (its logging exporter), and
 * perfweave's events and meters count every call once, with no transform or advice error.
 */
final class OpenTelemetrySideBySideIT {

  private static final Path OTEL_AGENT = Path.of(System.getProperty("perfweave.otelAgentJar"));
  private static final String APP_OUTPUT =
      "sent {getBalance=9, getBlockCount=3, sendTransaction=3} failed {} wrongAnswers=0";
  private static final Map<String, Long> CALLS_MADE =
      Map.of("getBalance", 9L, "getBlockCount", 3L, "sendTransaction", 3L);

  @TempDir Path work;

  static Stream<Arguments> setups() {
    List<Arguments> setups = new ArrayList<>();
    for (Path jdk : Jdks.all()) {
      for (String client : List.of("jdk", "okhttp")) {
        setups.add(Arguments.of(jdk, client, true));
        setups.add(Arguments.of(jdk, client, false));
      }
    }
    return setups.stream();
  }

  @ParameterizedTest(name = "{1} on {0}, perfweave first: {2}")
  @MethodSource("setups")
  void bothAgents_eachSeesEveryCallOnce_andTheAppIsUnchanged(Path jdk, String client, boolean perfweaveFirst)
      throws Exception {
    Path config = Files.writeString(work.resolve("perfweave.yaml"),
        "output: out\nprofiling:\n  asyncProfiler: { enabled: false }\n");
    ForkedJvm.Result result;
    try (JsonRpcServer node = new JsonRpcServer(Map.of())) {
      result = bothAgents(jdk, perfweaveFirst, config)
          .libraries(client.equals("okhttp") ? "okhttp4" : null)
          .main("com.example.http.RpcClientApp").args(client, node.port(), "mixed", 3)
          .run(work);
      assertEquals(15, node.requests(), "the node got each call once");
    }

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals(APP_OUTPUT, result.stdout().strip());
    long clientSpans = result.stderr().lines().filter(l -> l.contains(" CLIENT [tracer: ")).count();
    assertEquals(15, clientSpans, "OpenTelemetry's client spans: " + result.stderr());
    assertTrue(result.stderr().contains("1 classes transformed, 0 transform errors, 0 advice errors"),
        result.stderr());
    assertTrue(result.stderr().lines().anyMatch(l -> l.matches("\\s+http:127\\.0\\.0\\.1:\\d+/rpc\\s+15\\s+0\\s.*")),
        "the meters count 15 calls, no error: " + result.stderr());
    Map<String, Long> events = new TreeMap<>();
    for (RecordedEvent call : Recordings.events(Recordings.only(work.resolve("out")), Events.RPC_CALL)) {
      events.merge(call.getString("rpcMethod"), 1L, Long::sum);
    }
    assertEquals(CALLS_MADE, events, "perfweave's events");
  }

  static Stream<Arguments> orders() {
    List<Arguments> orders = new ArrayList<>();
    for (Path jdk : Jdks.all()) {
      orders.add(Arguments.of(jdk, true));
      orders.add(Arguments.of(jdk, false));
    }
    return orders.stream();
  }

  @ParameterizedTest(name = "on {0}, perfweave first: {1}")
  @MethodSource("orders")
  void perfweavesEvents_carryTheSpanCurrentWhenTheCallWasMade(Path jdk, boolean perfweaveFirst) throws Exception {
    Path config = Files.writeString(work.resolve("perfweave.yaml"),
        "output: out\nprofiling:\n  asyncProfiler: { enabled: false }\n");
    ForkedJvm.Result result;
    try (JsonRpcServer node = new JsonRpcServer(Map.of())) {
      result = bothAgents(jdk, perfweaveFirst, config)
          .libraries("otel-api")
          .main("com.example.http.TracedApp").args(node.port())
          .run(work);
    }

    assertEquals(0, result.exitCode(), result.stderr());
    String[] span = result.stdout().strip().split(" ");
    assertEquals("span", span[0], result.stdout());
    assertTrue(result.stderr().lines().anyMatch(l -> l.contains("'refresh-balances' : " + span[1] + " " + span[2])),
        "OpenTelemetry exported the application's span: " + result.stderr());
    List<RecordedEvent> calls = Recordings.events(Recordings.only(work.resolve("out")), Events.RPC_CALL);
    assertEquals(3, calls.size());
    for (RecordedEvent call : calls) {
      assertEquals(span[1], call.getString("traceId"), "the trace a tracing backend finds the call in");
      assertEquals(span[2], call.getString("spanId"));
    }
  }

  /** A JVM with both agents in the order given; OpenTelemetry's spans go to its logging exporter. */
  private static ForkedJvm bothAgents(Path jdk, boolean perfweaveFirst, Path config) {
    ForkedJvm jvm = new ForkedJvm(jdk);
    if (perfweaveFirst) {
      jvm.withAgent("config=" + config).option("-javaagent:" + OTEL_AGENT);
    } else {
      jvm.option("-javaagent:" + OTEL_AGENT).withAgent("config=" + config);
    }
    return jvm.option("-Dotel.traces.exporter=logging")
        .option("-Dotel.metrics.exporter=none")
        .option("-Dotel.logs.exporter=none");
  }
}
