package io.perfweave.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import io.perfweave.testing.JsonRpcServer.Failure;
import io.perfweave.testing.JsonRpcServer;
import io.perfweave.testing.Recordings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in HTTP client sites, with no {@code sites:} config: the real agent jar in a forked
 * JVM, a naive JSON-RPC client app on each client library, a real JSON-RPC server on 127.0.0.1
 * that fails some requests and counts what it receives.
 */
final class HttpClientsIT {

  private static final String POLICIES =
      String.join(
          "\n",
          "output: out",
          "http:",
          "  jsonRpc:",
          "    methods:",
          "      getBalance: { idempotent: true, cache: { ttl: 1m }, retry: { backoff: 10ms } }",
          "      getBlockCount: { idempotent: true, cache: { ttl: 1m }, retry: { backoff: 10ms } }",
          "      \"send*\": { idempotent: false }",
          "");

  @TempDir Path work;

  /** client, extra library directory (one OkHttp version), JDK. */
  static Stream<Arguments> clients() {
    List<Arguments> clients = new ArrayList<>();
    for (Path jdk : Jdks.all()) {
      clients.add(Arguments.of("jdk", null, jdk));
    }
    clients.add(Arguments.of("jdk-async", null, Jdks.current()));
    clients.add(Arguments.of("okhttp", "okhttp4", Jdks.current()));
    clients.add(Arguments.of("okhttp", "okhttp5", Jdks.current()));
    clients.add(Arguments.of("apache", null, Jdks.current()));
    return clients.stream();
  }

  static Stream<Arguments> allClients() {
    return Stream.concat(clients(), Jdks.all().stream().map(jdk -> Arguments.of("urlconnection", null, jdk)));
  }

  @ParameterizedTest(name = "{0} {1} on {2}")
  @MethodSource("allClients")
  void withoutConfig_oneEventPerRequest_withMethodAndStatus(String client, String libraries, Path jdk)
      throws Exception {
    try (JsonRpcServer server = new JsonRpcServer(Map.of("sendTransaction", Failure.UNAVAILABLE))) {
      ForkedJvm.Result result = run(jdk, client, libraries, "output: out\n", server, "mixed");

      assertTrue(result.stdout().contains("sent {getBalance=9, getBlockCount=3, sendTransaction=3}"
          + " failed {sendTransaction=1} wrongAnswers=0"), result.stdout());
      assertEquals(List.of(9, 3, 3), received(server, "getBalance", "getBlockCount", "sendTransaction"));
      List<RecordedEvent> calls = calls();
      assertEquals(15, calls.size());
      assertTrue(calls.stream().allMatch(e -> e.getString("site").equals("http:127.0.0.1:" + server.port() + "/rpc")));
      assertEquals(Map.of("getBalance", 9L, "getBlockCount", 3L, "sendTransaction", 3L), countBy(calls, "rpcMethod"));
      List<RecordedEvent> failed = calls.stream().filter(e -> e.getString("outcome").equals("ERROR")).toList();
      assertEquals(1, failed.size());
      assertEquals(503, failed.get(0).getInt("status"));
      assertEquals("HTTP 503", failed.get(0).getString("error"));
      assertEquals(14, calls.stream().filter(e -> e.getInt("status") == 200).count());
      if (!client.equals("jdk-async")) {
        assertTrue(calls.stream().allMatch(HttpClientsIT::calledFromTheApp), "the app's frame is on every stack");
      }
      assertEquals(3, calls.stream().filter(e -> e.getBoolean("movingBlock")).count(), "getBlockCount reads at latest");
      assertTrue(calls.stream().filter(e -> e.getBoolean("movingBlock")).allMatch(e -> e.getString("rpcMethod").equals("getBlockCount")));
      if (!client.equals("urlconnection")) {
        assertResultHashPerKey(calls.stream().filter(e -> e.getString("rpcMethod").equals("getBalance")).toList());
      }
    }
  }

  /** alice's reads share one result hash, bob's another: equal values alike, never the value. */
  private static void assertResultHashPerKey(List<RecordedEvent> balances) {
    Map<Long, Set<Long>> hashesByKey =
        balances.stream().collect(Collectors.groupingBy(e -> e.getLong("keyHash"),
            Collectors.mapping(e -> e.getLong("resultHash"), Collectors.toSet())));
    assertEquals(2, hashesByKey.size(), hashesByKey.toString());
    assertTrue(hashesByKey.values().stream().allMatch(h -> h.size() == 1 && !h.contains(0L)), hashesByKey.toString());
    assertEquals(2, hashesByKey.values().stream().distinct().count(), hashesByKey.toString());
  }

  @ParameterizedTest(name = "{0} {1} on {2}")
  @MethodSource("clients")
  void withPolicies_cachedReadsOnce_readsRecover_sendsNeverRepeated(String client, String libraries, Path jdk)
      throws Exception {
    Map<String, Failure> failures =
        Map.of("getBalance", Failure.UNAVAILABLE, "getBlockCount", Failure.RESET, "sendTransaction", Failure.UNAVAILABLE);
    try (JsonRpcServer server = new JsonRpcServer(failures)) {
      ForkedJvm.Result result = run(jdk, client, libraries, POLICIES, server, "mixed");

      assertTrue(result.stdout().contains("failed {sendTransaction=1} wrongAnswers=0"), result.stdout());
      // alice: a 503, then the retry, cached; bob: one call, cached
      assertEquals(3, server.received("getBalance"));
      // "latest" names a moving block: never cached; two of the three calls are reset once
      assertEquals(5, server.received("getBlockCount"));
      assertEquals(3, server.received("sendTransaction"), "a send is never re-sent");
      List<RecordedEvent> calls = calls();
      assertEquals(7, calls.stream().filter(e -> e.getString("outcome").equals("CACHE_HIT")).count());
      assertTrue(calls.stream().filter(e -> e.getString("outcome").equals("CACHE_HIT"))
          .allMatch(e -> e.getString("rpcMethod").equals("getBalance") && e.getInt("status") == 200));
      // alice once, the block count twice
      assertEquals(3, Recordings.events(recording(), "perfweave.RetryAttempt").stream()
          .filter(e -> e.getString("decision").equals("RETRY")).count());
      assertTrue(calls.stream().filter(e -> e.getString("rpcMethod").equals("sendTransaction"))
          .allMatch(e -> !e.getBoolean("idempotent") && e.getInt("attempts") == 1));
    }
  }

  @ParameterizedTest(name = "{0} {1} on {2}")
  @MethodSource("clients")
  void batches_cachedOnlyWhenEveryElementMayBe_answersKeepTheCallersIds(String client, String libraries, Path jdk)
      throws Exception {
    try (JsonRpcServer server = new JsonRpcServer(Map.of())) {
      ForkedJvm.Result result = run(jdk, client, libraries, POLICIES, server, "batch");

      assertTrue(result.stdout().contains("failed {} wrongAnswers=0"), result.stdout());
      assertEquals(3, server.requests(), "one batch of reads, then both read-and-send batches");
      assertEquals(4, server.received("getBalance"));
      assertEquals(2, server.received("sendTransaction"));
      Map<String, Long> outcomes = countBy(calls(), "outcome");
      assertEquals(Map.of("SUCCESS", 3L, "CACHE_HIT", 2L), outcomes);
      assertEquals(Map.of("getBalance,getBalance", 3L, "getBalance,sendTransaction", 2L), countBy(calls(), "rpcMethod"));
    }
  }

  @ParameterizedTest(name = "{0} {1} on {2}")
  @MethodSource("clients")
  void everyMethodIdempotentByGlob_knownWritesStillSentExactlyOnce(String client, String libraries, Path jdk)
      throws Exception {
    String everything =
        String.join(
            "\n",
            "output: out",
            "http:",
            "  jsonRpc:",
            "    methods:",
            "      \"*\": { idempotent: true, cache: { ttl: 1m }, retry: { backoff: 10ms } }",
            "");
    try (JsonRpcServer server = new JsonRpcServer(Map.of("sendTransaction", Failure.UNAVAILABLE))) {
      ForkedJvm.Result result = run(jdk, client, libraries, everything, server, "mixed");

      assertTrue(result.stdout().contains("failed {sendTransaction=1} wrongAnswers=0"), result.stdout());
      assertEquals(3, server.received("sendTransaction"), "a known write is never re-sent");
      assertEquals(2, server.received("getBalance"), "reads are still cached");
      assertTrue(result.stderr().contains("perfweave: note: http.jsonRpc.methods.* is idempotent, but the"
          + " known writes it matches ("), result.stderr());
      assertTrue(calls().stream().filter(e -> e.getString("rpcMethod").equals("sendTransaction"))
          .allMatch(e -> !e.getBoolean("idempotent") && e.getInt("attempts") == 1));
    }
  }

  @Test
  void retryAfter_waitsWhatTheServerAsks() throws Exception {
    try (JsonRpcServer server = new JsonRpcServer(Map.of("getBlockCount", Failure.RATE_LIMITED))) {
      String config = POLICIES.replace("retry: { backoff: 10ms } }\n      \"send", "retry: { backoff: 10ms, maxBackoff: 2s } }\n      \"send");
      ForkedJvm.Result result = run(Jdks.current(), "jdk", null, config, server, "blockcount");

      assertTrue(result.stdout().contains("failed {} wrongAnswers=0"), result.stdout());
      List<RecordedEvent> retries = Recordings.events(recording(), "perfweave.RetryAttempt");
      assertEquals(2, retries.size());
      for (RecordedEvent retry : retries) {
        assertEquals("HTTP 429", retry.getString("error"));
        assertEquals("RETRY", retry.getString("decision"));
        assertTrue(retry.getDuration("backoff").toMillis() >= 1000, "Retry-After: 1 is at least a second");
      }
    }
  }

  @Test
  void retryAfter_longerThanMaxBackoff_isNotRetried() throws Exception {
    try (JsonRpcServer server = new JsonRpcServer(Map.of("getBlockCount", Failure.RATE_LIMITED_LONG))) {
      ForkedJvm.Result result = run(Jdks.current(), "jdk", null, POLICIES, server, "blockcount");

      assertTrue(result.stdout().contains("failed {getBlockCount=1} wrongAnswers=0"), result.stdout());
      assertEquals(3, server.received("getBlockCount"));
      List<RecordedEvent> retries = Recordings.events(recording(), "perfweave.RetryAttempt");
      assertEquals(List.of("RETRY_AFTER_TOO_LONG"), retries.stream().map(e -> e.getString("decision")).toList());
    }
  }

  @Test
  void streamedBody_timedNotCached_saidOnce() throws Exception {
    try (JsonRpcServer server = new JsonRpcServer(Map.of())) {
      ForkedJvm.Result result = run(Jdks.current(), "jdk-stream", null, POLICIES, server, "mixed");

      assertTrue(result.stdout().contains("failed {} wrongAnswers=0"), result.stdout());
      assertEquals(9, server.received("getBalance"));
      assertEquals(1, result.stderr().lines().filter(l -> l.contains("bodies perfweave does not keep")).count(), result.stderr());
      assertEquals(15, calls().size());
    }
  }

  @Test
  void okHttpAnswerLargerThanACacheKeeps_readWhole_notCached() throws Exception {
    String config = POLICIES.replace("getBalance: {", "getBlob: { idempotent: true, cache: { ttl: 1m } }\n      getBalance: {");
    try (JsonRpcServer server = new JsonRpcServer(Map.of())) {
      ForkedJvm.Result result = run(Jdks.current(), "okhttp", "okhttp4", config, server, "large");

      assertTrue(result.stdout().contains("sent {getBlob=3} failed {} wrongAnswers=0"), result.stdout());
      assertEquals(3, server.received("getBlob"));
      assertEquals(1, result.stderr().lines().filter(l -> l.contains("bodies perfweave does not keep")).count(), result.stderr());
    }
  }

  @Test
  void httpDisabled_noHttpEvents() throws Exception {
    try (JsonRpcServer server = new JsonRpcServer(Map.of())) {
      run(Jdks.current(), "jdk", null, "output: out\nhttp: { enabled: false }\n", server, "mixed");

      assertEquals(0, calls().size());
    }
  }

  @Test
  void unknownLibraryVersion_leftAlone_withOneWarning() throws Exception {
    Path file = Files.writeString(work.resolve("perfweave.yaml"), "output: out\n");
    ForkedJvm.Result result =
        new ForkedJvm(Jdks.current()).withAgent("config=" + file).libraries("okhttp4")
            .main("com.example.http.StrangeOkHttpApp").run(work);

    assertEquals(0, result.exitCode(), result.stderr());
    assertEquals("200 strange\n".repeat(3), result.stdout());
    List<String> warnings = result.stderr().lines().filter(l -> l.startsWith("perfweave: warning")).toList();
    assertEquals(1, warnings.size(), result.stderr());
    assertTrue(warnings.get(0).contains("okhttp3.StrangeCall") && warnings.get(0).contains("left alone"), warnings.get(0));
    assertTrue(result.stderr().contains("0 transform errors, 0 advice errors"), result.stderr());
    assertEquals(0, calls().size());
  }

  private static boolean calledFromTheApp(RecordedEvent event) {
    return event.getStackTrace().getFrames().stream()
        .anyMatch(f -> f.getMethod().getType().getName().equals("com.example.http.RpcClientApp"));
  }

  private ForkedJvm.Result run(Path jdk, String client, String libraries, String config, JsonRpcServer server, String scenario)
      throws Exception {
    Path file = Files.writeString(work.resolve("perfweave.yaml"), config);
    ForkedJvm fork = new ForkedJvm(jdk).withAgent("config=" + file).main("com.example.http.RpcClientApp")
        .args(client, server.port(), scenario);
    if (libraries != null) {
      fork.libraries(libraries);
    }
    return fork.run(work).requireClean();
  }

  private Path recording() throws Exception {
    return Recordings.only(work.resolve("out"));
  }

  private List<RecordedEvent> calls() throws Exception {
    return Recordings.events(recording(), "perfweave.RpcCall");
  }

  private static List<Integer> received(JsonRpcServer server, String... methods) {
    return Stream.of(methods).map(server::received).collect(Collectors.toList());
  }

  private static Map<String, Long> countBy(List<RecordedEvent> events, String field) {
    return events.stream().collect(Collectors.groupingBy(e -> e.getString(field), Collectors.counting()));
  }
}
