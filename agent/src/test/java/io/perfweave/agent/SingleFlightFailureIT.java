package io.perfweave.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perfweave.contract.Events;
import io.perfweave.contract.Outcome;
import io.perfweave.contract.RpcCallField;
import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import io.perfweave.testing.JsonRpcServer;
import io.perfweave.testing.JsonRpcServer.Failure;
import io.perfweave.testing.Recordings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One semantics of single-flight for every kind of call: when the call in flight fails, each of
 * its waiters gets that failure, and the failing call is sent exactly once — for a woven site and
 * for each built-in HTTP client, with the failure an I/O error (a reset connection) or a 503.
 */
final class SingleFlightFailureIT {

  private static final int CALLERS = 6;
  private static final String WOVEN =
      String.join(
          "\n",
          "output: out",
          "sites:",
          "  - name: price",
          "    match: { type: com.example.testbed.PriceService, method: slowFailure }",
          "    idempotent: true",
          "    cache: { ttl: 1m }",
          "");
  private static final String HTTP =
      String.join(
          "\n",
          "output: out",
          "http:",
          "  jsonRpc:",
          "    methods:",
          "      getBalance: { idempotent: true, cache: { ttl: 1m } }",
          "");

  @TempDir Path work;

  /** client, extra library directory, how the server fails the call. */
  static Stream<Arguments> calls() {
    Stream<Arguments> woven = Stream.of(Arguments.of("woven", null, null));
    Stream<Arguments> http =
        Stream.of(Failure.RESET, Failure.UNAVAILABLE)
            .flatMap(
                failure ->
                    Stream.of(
                        Arguments.of("jdk", null, failure),
                        Arguments.of("jdk-async", null, failure),
                        Arguments.of("okhttp", "okhttp4", failure),
                        Arguments.of("apache", null, failure)));
    return Stream.concat(woven, http);
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("calls")
  void failingCallInFlight_everyWaiterGetsItsFailure_oneRequestSent(
      String client, String libraries, Failure failure) throws Exception {
    Map<String, Failure> failures = failure == null ? Map.of() : Map.of("getBalance", failure);
    try (JsonRpcServer server = new JsonRpcServer(failures, 1000)) {
      ForkedJvm.Result result = run(client, libraries, server);

      assertTrue(result.stdout().startsWith("failed " + CALLERS + " answered 0"), result.stdout());
      if (failure == null) {
        assertTrue(result.stdout().contains("runs 1"), "the method ran once: " + result.stdout());
      } else {
        assertEquals(1, server.received("getBalance"), "one request reached the server");
      }
      List<RecordedEvent> calls = Recordings.events(Recordings.only(work.resolve("out")), Events.RPC_CALL);
      assertEquals(CALLERS, calls.size());
      assertEquals(1, count(calls, Outcome.ERROR));
      assertEquals(CALLERS - 1, count(calls, Outcome.COALESCED));
      assertTrue(
          calls.stream().allMatch(e -> !e.getString(RpcCallField.ERROR).isEmpty()),
          "every caller's event names the failure it saw");
    }
  }

  private ForkedJvm.Result run(String client, String libraries, JsonRpcServer server) throws Exception {
    Path config = Files.writeString(work.resolve("perfweave.yaml"), client.equals("woven") ? WOVEN : HTTP);
    ForkedJvm fork =
        new ForkedJvm(Jdks.current()).withAgent("config=" + config).main("com.example.http.WaitersApp")
            .args(client, server.port(), CALLERS);
    if (libraries != null) {
      fork.libraries(libraries);
    }
    return fork.run(work).requireClean();
  }

  private static long count(List<RecordedEvent> calls, String outcome) {
    return calls.stream().filter(e -> e.getString(RpcCallField.OUTCOME).equals(outcome)).count();
  }
}
