package io.perfweave.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perfweave.instrumentation.config.Jitter;
import io.perfweave.instrumentation.config.Mode;
import io.perfweave.instrumentation.config.RedisConfig;
import io.perfweave.instrumentation.config.RetryConfig;
import io.perfweave.instrumentation.config.SiteConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigLoaderTest {

  @TempDir Path dir;

  /* --- defaults --- */

  @Test
  void noConfig_defaults() throws Exception {
    PerfweaveConfig config = new ConfigLoader(null, Map.of(), Map.of()).load();

    assertEquals(Path.of("perfweave-out"), config.output());
    assertFalse(config.failFast());
    assertTrue(config.profiling().jfr().enabled());
    assertEquals(256L << 20, config.profiling().jfr().maxSizeBytes());
    assertEquals(Duration.ofMinutes(30), config.profiling().jfr().maxAge());
    assertTrue(config.sites().isEmpty());
    assertTrue(config.http().enabled());
  }

  @Test
  void retry_defaults() throws Exception {
    RetryConfig retry =
        load("sites:\n  - name: a\n    match: {type: x.Y, method: m}\n    idempotent: true\n"
                + "    retry: {}\n")
            .sites().get(0).retry().orElseThrow();

    assertEquals(3, retry.maxAttempts());
    assertEquals(Duration.ofMillis(100), retry.backoff());
    assertEquals(2.0, retry.multiplier());
    assertEquals(Duration.ofSeconds(2), retry.maxBackoff());
    assertEquals(Jitter.FULL, retry.jitter());
    assertEquals(List.of("java.io.IOException", "java.util.concurrent.TimeoutException"), retry.on());
    assertEquals(0.2, retry.budget());
    assertEquals(Mode.ON, retry.mode());
  }

  /* --- the full example of DESIGN.md --- */

  @Test
  void designExample_loads() throws Exception {
    PerfweaveConfig config =
        load(
            String.join(
                "\n",
                "output: perfweave-out",
                "profiling:",
                "  jfr: { enabled: true, maxSize: 256MB, maxAge: 30m }",
                "  asyncProfiler: { enabled: false, events: [cpu, alloc, lock], interval: 10ms }",
                "sites:",
                "  - name: balance-read",
                "    match: { type: \"com.example.NodeClient\", method: \"getBalance\" }",
                "    idempotent: true",
                "    stackTrace: true",
                "    cache: { ttl: 2s, maxSize: 10000, key: args, mode: on }",
                "    retry: { maxAttempts: 4, backoff: 50ms, multiplier: 2, maxBackoff: 2s,",
                "             jitter: full, on: [java.io.IOException], budget: 0.2, mode: on }",
                ""));

    SiteConfig site = config.sites().get(0);
    assertEquals("balance-read", site.name());
    assertEquals(Duration.ofSeconds(2), site.cache().orElseThrow().ttl());
    assertTrue(site.cache().orElseThrow().keyArgs().isEmpty(), "args = all arguments");
    assertEquals(4, site.retry().orElseThrow().maxAttempts());
    assertEquals(Duration.ofMillis(50), site.retry().orElseThrow().backoff());
  }

  @Test
  void cacheKey_indicesAndReceiver() throws Exception {
    var cache =
        load("sites:\n  - name: a\n    match: {type: x.Y, method: m}\n    idempotent: true\n"
                + "    cache: { ttl: 1s, key: [0, 2, this] }\n")
            .sites().get(0).cache().orElseThrow();

    assertEquals(List.of(0, 2), cache.keyArgs());
    assertTrue(cache.keyReceiver());
  }

  @Test
  void designExample_httpSection_loads() throws Exception {
    var http =
        load(
            String.join(
                "\n",
                "http:",
                "  enabled: true",
                "  jsonRpc:",
                "    methods:",
                "      \"eth_getBalance\": { idempotent: true, cache: { ttl: 2s } }",
                "      \"eth_send*\":      { idempotent: false }",
                "      eth_call: { idempotent: true, cacheBlockTags: true, cache: { ttl: 1s },",
                "                  retry: { maxAttempts: 5, onStatus: [503] } }",
                ""))
            .http();

    assertEquals(List.of("eth_getBalance", "eth_send*", "eth_call"),
        http.jsonRpcMethods().stream().map(m -> m.pattern()).toList());
    var balance = http.jsonRpcMethods().get(0);
    assertEquals(Duration.ofSeconds(2), balance.cache().orElseThrow().ttl());
    assertEquals(List.of(429, 502, 503, 504), balance.retryStatuses());
    assertFalse(balance.cacheBlockTags());
    assertFalse(http.jsonRpcMethods().get(1).idempotent());
    var call = http.jsonRpcMethods().get(2);
    assertTrue(call.cacheBlockTags());
    assertEquals(List.of(503), call.retryStatuses());
    assertEquals(5, call.retry().orElseThrow().maxAttempts());
  }

  @Test
  void jsonRpcRetryWithoutIdempotent_isAnError_atItsLine() {
    assertEquals(
        "http.jsonRpc.methods.eth_sendRawTransaction.retry requires idempotent: true on the site;"
            + " perfweave never re-sends a call not declared idempotent ("
            + dir.resolve("perfweave.yaml") + ":5)",
        error("http:\n  jsonRpc:\n    methods:\n      eth_sendRawTransaction:\n        retry: { maxAttempts: 3 }\n"));
  }

  @Test
  void jsonRpcCacheKey_isNotAKeyThere() {
    assertTrue(
        error("http:\n  jsonRpc:\n    methods:\n      m: { idempotent: true, cache: { ttl: 1s, key: args } }\n")
            .startsWith("http.jsonRpc.methods.m.cache.key is not a known key (known here: l2, maxSize, mode, ttl)"));
  }

  @Test
  void jsonRpcBadStatus_isAnError() {
    assertTrue(
        error("http:\n  jsonRpc:\n    methods:\n      m: { idempotent: true, retry: { onStatus: [5033] } }\n")
            .startsWith("http.jsonRpc.methods.m.retry.onStatus must list HTTP statuses, was '5033'"));
  }

  /* --- precedence --- */

  @Test
  void precedence_systemPropertyOverEnvironmentOverFile() throws Exception {
    Path file = write("output: from-file\nprofiling:\n  jfr: { maxSize: 64MB }\n");

    PerfweaveConfig config =
        new ConfigLoader(
                "config=" + file,
                Map.of("PERFWEAVE_OUTPUT", "from-env", "PERFWEAVE_PROFILING_JFR_MAXSIZE", "32MB"),
                Map.of("perfweave.output", "from-property"))
            .load();

    assertEquals(Path.of("from-property"), config.output());
    assertEquals(32L << 20, config.profiling().jfr().maxSizeBytes());
  }

  @Test
  void strayEnvironmentVariable_ofOurPrefix_isWarnedAbout_notFatal() throws Exception {
    ConfigLoader loader = new ConfigLoader(null, Map.of("PERFWEAVE_HOME", "/opt/pw", "PERFWEAVE_OUTPUT", "out-env"), Map.of());

    PerfweaveConfig config = loader.load();

    assertEquals(Path.of("out-env"), config.output());
    assertEquals(1, loader.warnings().size(), loader.warnings().toString());
    assertTrue(loader.warnings().get(0).startsWith("environment variable PERFWEAVE_HOME is not a perfweave key, ignored"));
  }

  @Test
  void configFile_namedBySystemProperty() throws Exception {
    Path file = write("output: named-by-property\n");

    PerfweaveConfig config =
        new ConfigLoader("config=/absent.yaml", Map.of(), Map.of("perfweave.config", file.toString()))
            .load();

    assertEquals(Path.of("named-by-property"), config.output());
  }

  /* --- errors --- */

  @Test
  void unknownKey_namesKeyAndLine() {
    assertEquals(
        "sites[0].match.methd is not a known key (known here: maxTypes, method, params, subtypesOf, type)"
            + " (" + dir.resolve("perfweave.yaml") + ":4)",
        error("sites:\n  - name: a\n    match:\n      methd: m\n      type: x.Y\n"));
  }

  @Test
  void yamlNumberForms_readAsNumbers() throws Exception {
    for (Map.Entry<String, Long> written : Map.of("1_000", 1000L, "0x10", 16L, "+25", 25L).entrySet()) {
      Path file = Files.writeString(dir.resolve("numbers.yaml"),
          "profiling:\n  jfr: { callEventsPerSecond: " + written.getKey() + " }\n");
      PerfweaveConfig config = new ConfigLoader("config=" + file, Map.of(), Map.of()).load();
      assertEquals(written.getValue(), config.profiling().jfr().callEventsPerSecond(), written.getKey());
    }
  }

  @Test
  void duplicateKey_isAnError() {
    assertTrue(error("output: a\noutput: b\n").contains("duplicate key output"));
  }

  @Test
  void duplicateSiteName_isAnError() {
    String site = "  - name: a\n    match: {type: x.Y, method: m}\n";
    assertTrue(error("sites:\n" + site + site).contains("sites[1].name must be unique"));
  }

  @Test
  void cacheWithoutIdempotent_isAnError() {
    assertTrue(
        error("sites:\n  - name: a\n    match: {type: x.Y, method: m}\n    cache: {ttl: 1s}\n")
            .startsWith("sites[0].cache requires idempotent: true"));
  }

  @Test
  void typeAndSubtypesOf_bothGiven_isAnError() {
    assertTrue(
        error("sites:\n  - name: a\n    match: {type: x.Y, subtypesOf: x.Z, method: m}\n")
            .startsWith("sites[0].match.type or subtypesOf must be given, exactly one"));
  }

  @Test
  void badBoolean_isAnError() {
    assertTrue(error("failFast: maybe\n").startsWith("failFast must be true or false, was 'maybe'"));
  }

  @Test
  void unknownSystemProperty_isAnError() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> new ConfigLoader(null, Map.of(), Map.of("perfweave.outptu", "x")).load());
    assertTrue(e.getMessage().startsWith("system property -Dperfweave.outptu is not a known key"));
  }

  @Test
  void unknownAgentArgument_isAnError() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> new ConfigLoader("conf=x", Map.of(), Map.of()));
    assertTrue(e.getMessage().contains("agent argument 'conf=x' is not known"));
  }

  @Test
  void failFast_readEvenWhenTheRestIsBad() throws Exception {
    Path file = write("failFast: true\nbogus: 1\n");
    ConfigLoader loader = new ConfigLoader("config=" + file, Map.of(), Map.of());

    assertThrows(ConfigException.class, loader::load);
    assertTrue(loader.failFastRequested());
  }

  @Test
  void sharedLevel_readWithItsRedis_andRefusedWithout() throws Exception {
    String methods =
        "http:\n  jsonRpc:\n    methods:\n      eth_chainId: { idempotent: true, cache: { ttl: 1s, l2: { ttl: 30s } } }\n";
    PerfweaveConfig config = load(methods + "redis: { url: \"redis://127.0.0.1:6390/2\" }\n");

    assertEquals(Optional.of(Duration.ofSeconds(30)),
        config.http().jsonRpcMethods().get(0).cache().orElseThrow().l2Ttl());
    assertEquals("127.0.0.1:6390", config.redis().orElseThrow().address());
    assertEquals(Duration.ofMillis(5), config.redis().orElseThrow().timeout());
    assertTrue(error(methods).contains("no redis: section"));
    String site = "sites:\n  - name: a\n    match: {type: x.Y, method: m}\n    idempotent: true\n";
    assertEquals(Optional.of(Duration.ofSeconds(5)),
        load(site + "    cache: { ttl: 1s, l2: { ttl: 5s } }\nredis: { url: \"redis://h\" }\n")
            .sites().get(0).cache().orElseThrow().l2Ttl());
    assertTrue(error(site + "    cache: { ttl: 1s, key: [this], l2: { ttl: 5s } }\nredis: { url: \"redis://h\" }\n")
        .contains("cannot share a key that holds the receiver"));
  }

  @Test
  void redisUrl_fromTheEnvironment_neverEchoedInAnError() throws Exception {
    PerfweaveConfig config =
        new ConfigLoader("config=" + write("output: out\n"),
            Map.of("PERFWEAVE_REDIS_URL", "redis://:pw1@127.0.0.1:6391"), Map.of()).load();
    assertEquals("redis://***@127.0.0.1:6391", RedisConfig.redacted(config.redis().orElseThrow().url()));

    String error = error("redis: { url: \"http://user:pw2@host\" }\n");
    assertTrue(error.contains("redis://") && !error.contains("pw2"), error);
  }

  private PerfweaveConfig load(String yaml) throws Exception {
    return new ConfigLoader("config=" + write(yaml), Map.of(), Map.of()).load();
  }

  private String error(String yaml) {
    return assertThrows(ConfigException.class, () -> load(yaml)).getMessage();
  }

  private Path write(String yaml) throws Exception {
    return Files.writeString(dir.resolve("perfweave.yaml"), yaml);
  }
}
