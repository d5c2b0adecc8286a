package io.perfweave.agent;

import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import io.perfweave.testing.Recordings;
import io.perfweave.testing.FlakyServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cache, single-flight, retry and shadow mode, woven by the real agent jar into a forked JVM; the
 * test applications count how often their methods really ran, the servers what they received.
 */
final class PolicyIT {

  @TempDir Path work;

  static List<Path> jdks() {
    return Jdks.all();
  }

  private static String priceSite(String methods, String cache) {
    return String.join(
        "\n",
        "output: out",
        "sites:",
        "  - name: price",
        "    match: { type: com.example.testbed.PriceService, method: \"" + methods + "\" }",
        "    idempotent: true",
        "    cache: " + cache,
        "");
  }

  private static String fetchSite(String retry) {
    return String.join(
        "\n",
        "output: out",
        "sites:",
        "  - name: fetch",
        "    match: { type: com.example.testbed.RemoteClient, method: fetch }",
        "    idempotent: true",
        "    retry: " + retry,
        "  - name: send",
        "    match: { type: com.example.testbed.RemoteClient, method: send }",
        "");
  }

  @Nested
  final class Cache {

    @ParameterizedTest
    @MethodSource("io.perfweave.agent.PolicyIT#jdks")
    void repeatedKeys_runOncePerKey(Path jdk) throws Exception {
      ForkedJvm.Result result = run(jdk, priceSite("{price,maybe}", "{ ttl: 1m }"), "repeats");

      assertTrue(result.stdout().contains("runs A=1 B=1 maybe=2"), "null is not cached: " + result.stdout());
      List<RecordedEvent> price = calls("price");
      assertEquals(10, price.size());
      assertEquals(6, count(price, "CACHE_HIT"));
      Map<Long, Long> keys = price.stream().collect(Collectors.groupingBy(e -> e.getLong("keyHash"), Collectors.counting()));
      assertEquals(3, keys.size(), "A, B and C: " + keys);
      assertTrue(!keys.containsKey(0L));
    }

    @ParameterizedTest
    @MethodSource("io.perfweave.agent.PolicyIT#jdks")
    void ttl_expiresOnTheTestClock(Path jdk) throws Exception {
      ForkedJvm.Result result = run(jdk, priceSite("price", "{ ttl: 1m }"), "ttl");

      assertTrue(result.stdout().contains("runs before expiry 1"), result.stdout());
      assertTrue(result.stdout().contains("runs after expiry 2"), result.stdout());
    }

    @ParameterizedTest
    @MethodSource("io.perfweave.agent.PolicyIT#jdks")
    void sixteenThreadsOnOneKey_oneUnderlyingCall(Path jdk) throws Exception {
      ForkedJvm.Result result =
          run(jdk, priceSite("{slowPrice,slowFailure}", "{ ttl: 1m }"), "single-flight");

      assertTrue(result.stdout().contains("values 1 distinct of 16"), result.stdout());
      assertTrue(result.stdout().contains("failures seen 8"), "the failure reaches every waiter");
      assertTrue(result.stdout().contains("later call failed again"), result.stdout());
      assertTrue(result.stdout().contains("runs X=1 Y=2"), "failure not cached: " + result.stdout());
      List<RecordedEvent> events = calls("price");
      assertEquals(15 + 7, count(events, "COALESCED") + count(events, "CACHE_HIT"));
      assertTrue(count(events, "COALESCED") >= 7 + 1, "waiters coalesced: " + count(events, "COALESCED"));
    }

    @ParameterizedTest
    @MethodSource("io.perfweave.agent.PolicyIT#jdks")
    void exception_isNotCached(Path jdk) throws Exception {
      ForkedJvm.Result result = run(jdk, priceSite("flaky", "{ ttl: 1m }"), "exceptions");

      assertEquals("flaky failed: first call fails\nflaky 7\nflaky 7\nruns flaky=2\n", result.stdout());
    }

    @ParameterizedTest
    @MethodSource("io.perfweave.agent.PolicyIT#jdks")
    void argumentWithoutValueEquality_siteStopsCaching(Path jdk) throws Exception {
      ForkedJvm.Result result = run(jdk, priceSite("lookup", "{ ttl: 1m }"), "identity");

      assertTrue(result.stdout().contains("runs lookup=4"), result.stdout());
      List<String> warnings =
          result.stderr().lines().filter(l -> l.contains("stops caching")).collect(Collectors.toList());
      assertEquals(1, warnings.size(), result.stderr());
      assertTrue(warnings.get(0).contains("PriceService$Query, which has no equals/hashCode"));
    }

    @ParameterizedTest
    @MethodSource("io.perfweave.agent.PolicyIT#jdks")
    void mutableValue_sharedByDefault_copiedOnRequest(Path jdk) throws Exception {
      ForkedJvm.Result shared = run(jdk, priceSite("history", "{ ttl: 1m }"), "mutable");
      assertTrue(shared.stdout().contains("second[0]=99 runs=1"), shared.stdout());

      ForkedJvm.Result copied = run(jdk, priceSite("history", "{ ttl: 1m, copy: true }"), "mutable");
      assertTrue(copied.stdout().contains("second[0]=1 runs=1"), copied.stdout());
    }

    @ParameterizedTest
    @MethodSource("io.perfweave.agent.PolicyIT#jdks")
    void nestedPolicySites_outermostOwnsTheCall(Path jdk) throws Exception {
      String config =
          priceSite("price", "{ ttl: 1m }")
              + String.join(
                  "\n",
                  "  - name: portfolio",
                  "    match: { type: com.example.testbed.Portfolio, method: value }",
                  "    idempotent: true",
                  "    cache: { ttl: 1m }",
                  "");
      ForkedJvm.Result result = run(jdk, config, "nested");

      assertTrue(result.stdout().contains("runs price=2"), "inner calls neither cached: " + result.stdout());
      assertEquals(2, count(calls("portfolio"), "CACHE_HIT"));
      assertEquals(2, count(calls("price"), "SUCCESS"), "inner calls are timed");
    }

    @ParameterizedTest
    @MethodSource("io.perfweave.agent.PolicyIT#jdks")
    void shadow_changesNothingAndRecordsWouldBeHits(Path jdk) throws Exception {
      ForkedJvm.Result without = plain(jdk, "repeats");
      ForkedJvm.Result shadow = run(jdk, priceSite("price", "{ ttl: 1m, mode: shadow }"), "repeats");

      assertEquals(without.stdout(), shadow.stdout());
      assertTrue(shadow.stdout().contains("runs A=5 B=3"), shadow.stdout());
      List<RecordedEvent> price = calls("price");
      assertEquals(6, count(price, "SHADOW_HIT"));
      assertTrue(
          price.stream()
              .filter(e -> e.getString("outcome").equals("SHADOW_HIT"))
              .allMatch(e -> e.getDuration("cacheAge").compareTo(Duration.ZERO) > 0),
          "each would-be hit carries the entry's age");
    }
  }

  @Nested
  final class Retry {

    @ParameterizedTest
    @MethodSource("io.perfweave.agent.PolicyIT#jdks")
    void transientFailures_absorbed(Path jdk) throws Exception {
      try (FlakyServer server = new FlakyServer(FlakyServer.Mode.FIRST_FAILS)) {
        ForkedJvm.Result result =
            run(jdk, fetchSite("{ maxAttempts: 3, backoff: 5ms }"), "fetch", server.port(), 10);

        assertTrue(result.stdout().contains("fetch ok=10 failed=0"), result.stdout());
        assertEquals(20, server.received("GET"));
      }
      List<RecordedEvent> fetches = calls("fetch");
      assertTrue(fetches.stream().allMatch(e -> e.getInt("attempts") == 2 && e.getString("outcome").equals("SUCCESS")));
      List<RecordedEvent> attempts = events("perfweave.RetryAttempt");
      assertEquals(10, attempts.size());
      assertTrue(attempts.stream().allMatch(e -> e.getString("decision").equals("RETRY")));
      assertTrue(attempts.stream().allMatch(e -> e.getString("error").equals("java.io.IOException")));
    }

    @ParameterizedTest
    @MethodSource("io.perfweave.agent.PolicyIT#jdks")
    void backoff_growsAndIsCapped(Path jdk) throws Exception {
      try (FlakyServer server = new FlakyServer(FlakyServer.Mode.OUTAGE)) {
        String retry = "{ maxAttempts: 5, backoff: 20ms, multiplier: 2, maxBackoff: 50ms, jitter: none }";
        ForkedJvm.Result result = run(jdk, fetchSite(retry), "fetch", server.port(), 1);

        assertTrue(result.stdout().contains("fetch ok=0 failed=1"), result.stdout());
        assertEquals(5, server.received("GET"));
      }
      List<RecordedEvent> attempts = events("perfweave.RetryAttempt");
      attempts.sort(java.util.Comparator.comparingInt(e -> e.getInt("attempt")));
      assertEquals(
          List.of(20L, 40L, 50L, 50L, 0L),
          attempts.stream().map(e -> e.getDuration("backoff").toMillis()).collect(Collectors.toList()));
      assertEquals("MAX_ATTEMPTS", attempts.get(4).getString("decision"));
      assertEquals(5, calls("fetch").get(0).getInt("attempts"));
      assertEquals("ERROR", calls("fetch").get(0).getString("outcome"));
    }

    @ParameterizedTest
    @MethodSource("io.perfweave.agent.PolicyIT#jdks")
    void budget_capsRetriesUnderAFullOutage(Path jdk) throws Exception {
      int received;
      try (FlakyServer server = new FlakyServer(FlakyServer.Mode.OUTAGE)) {
        String retry = "{ maxAttempts: 4, backoff: 1ms, jitter: none, budget: 0.2 }";
        ForkedJvm.Result result = run(jdk, fetchSite(retry), "fetch", server.port(), 100);

        assertTrue(result.stdout().contains("fetch ok=0 failed=100"), result.stdout());
        received = server.received("GET");
      }
      // without a budget: 100 calls × 4 attempts = 400; with it: 20% of calls plus a floor of 10
      assertTrue(received <= 100 + 20 + 10, "requests: " + received);
      assertTrue(received > 100, "some retries were allowed: " + received);
      assertTrue(count(events("perfweave.RetryAttempt"), "BUDGET_EXHAUSTED", "decision") > 0);
    }

    @ParameterizedTest
    @MethodSource("io.perfweave.agent.PolicyIT#jdks")
    void interrupt_stopsRetrying(Path jdk) throws Exception {
      try (FlakyServer server = new FlakyServer(FlakyServer.Mode.OUTAGE)) {
        String retry = "{ maxAttempts: 3, backoff: 30s, maxBackoff: 30s, jitter: none }";
        ForkedJvm.Result result = run(jdk, fetchSite(retry), "interrupt", server.port());

        assertTrue(
            result.stdout().contains("worker failed with IOException, interrupted=true"), result.stdout());
        assertEquals(1, server.received("GET"));
      }
      assertEquals("INTERRUPTED", events("perfweave.RetryAttempt").get(0).getString("decision"));
    }

    @ParameterizedTest
    @MethodSource("io.perfweave.agent.PolicyIT#jdks")
    void nonIdempotentSite_neverRetried(Path jdk) throws Exception {
      try (FlakyServer server = new FlakyServer(FlakyServer.Mode.FIRST_FAILS)) {
        ForkedJvm.Result result =
            run(jdk, fetchSite("{ maxAttempts: 5, backoff: 1ms }"), "send", server.port(), 10);

        assertTrue(result.stdout().contains("send ok=0 failed=10"), result.stdout());
        assertEquals(10, server.received("POST"), "each send reached the server exactly once");
      }
      assertTrue(events("perfweave.RetryAttempt").isEmpty());
      assertEquals(10, count(calls("send"), "ERROR"));
    }

    @ParameterizedTest
    @MethodSource("io.perfweave.agent.PolicyIT#jdks")
    void shadow_recordsWouldBeRetriesAndRetriesNothing(Path jdk) throws Exception {
      String withoutAgent;
      int receivedWithout;
      try (FlakyServer server = new FlakyServer(FlakyServer.Mode.FIRST_FAILS)) {
        withoutAgent = plain(jdk, "fetch", server.port(), 10).stdout();
        receivedWithout = server.received("GET");
      }
      try (FlakyServer server = new FlakyServer(FlakyServer.Mode.FIRST_FAILS)) {
        ForkedJvm.Result result =
            run(jdk, fetchSite("{ maxAttempts: 3, backoff: 1ms, mode: shadow }"), "fetch", server.port(), 10);

        assertEquals(withoutAgent, result.stdout());
        assertEquals(receivedWithout, server.received("GET"));
      }
      List<RecordedEvent> attempts = events("perfweave.RetryAttempt");
      assertEquals(10, count(attempts, "SHADOW_WOULD_RETRY", "decision"));
      assertTrue(calls("fetch").stream().allMatch(e -> e.getInt("attempts") == 1));
    }
  }

  private ForkedJvm.Result run(Path jdk, String config, Object... args) throws Exception {
    Path file = work.resolve("perfweave.yaml");
    Files.writeString(file, config);
    ForkedJvm.Result result =
        new ForkedJvm(jdk)
            .withAgent("config=" + file)
            .option("-Dperfweave.internal.testClock=true")
            .main("com.example.testbed.PolicyApp")
            .args(args)
            .run(work);
    assertEquals(0, result.exitCode(), result.stderr());
    assertTrue(result.stderr().contains("0 transform errors, 0 advice errors"), result.stderr());
    return result;
  }

  private ForkedJvm.Result plain(Path jdk, Object... args) throws Exception {
    Path dir = Files.createDirectories(work.resolve("plain"));
    ForkedJvm.Result result = new ForkedJvm(jdk).main("com.example.testbed.PolicyApp").args(args).run(dir);
    assertEquals(0, result.exitCode(), result.stderr());
    return result;
  }

  private List<RecordedEvent> calls(String site) throws IOException {
    return events("perfweave.RpcCall").stream()
        .filter(e -> e.getString("site").equals(site))
        .collect(Collectors.toList());
  }

  private List<RecordedEvent> events(String type) throws IOException {
    return Recordings.events(Recordings.only(work.resolve("out")), type);
  }

  private static long count(List<RecordedEvent> events, String outcome) {
    return count(events, outcome, "outcome");
  }

  private static long count(List<RecordedEvent> events, String value, String field) {
    return events.stream().filter(e -> value.equals(e.getString(field))).count();
  }
}
