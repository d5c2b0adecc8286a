package io.perfweave.agent.config;

import io.perfweave.instrumentation.config.CacheConfig;
import io.perfweave.instrumentation.config.HttpConfig;
import io.perfweave.instrumentation.config.JsonRpcMethodConfig;
import io.perfweave.instrumentation.config.RetryConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the {@code http:} section: the switch and the per JSON-RPC method policies. */
final class HttpReader {

  private static final Set<String> METHOD_KEYS =
      Set.of("idempotent", "cache", "retry", "cacheBlockTags");
  private static final Set<String> CACHE_KEYS = Set.of("ttl", "maxSize", "mode", "l2");
  private static final Set<String> RETRY_KEYS = with(SiteReader.RETRY_KEYS, "onStatus");

  private HttpReader() {}

  static HttpConfig read(Section http) throws ConfigException {
    http.allowOnly(Set.of("enabled", "jsonRpc", "redact"));
    boolean enabled = http.bool("enabled", true);
    List<JsonRpcMethodConfig> methods = new ArrayList<>();
    Optional<Section> jsonRpc = http.section("jsonRpc");
    if (jsonRpc.isPresent()) {
      jsonRpc.get().allowOnly(Set.of("methods"));
      Optional<Section> listed = jsonRpc.get().section("methods");
      for (String pattern : listed.isPresent() ? listed.get().keys() : List.<String>of()) {
        methods.add(method(pattern, listed.get().section(pattern).orElseThrow(
            () -> listed.get().error(pattern, "must be a mapping of keys to values"))));
      }
    }
    return new HttpConfig(enabled, methods, redact(http));
  }

  private static List<Pattern> redact(Section http) throws ConfigException {
    List<Pattern> patterns = new ArrayList<>();
    for (String pattern : http.strings("redact", List.of())) {
      try {
        patterns.add(Pattern.compile(pattern));
      } catch (PatternSyntaxException e) {
        throw http.error("redact", "must list regular expressions, was '" + pattern + "'");
      }
    }
    return patterns;
  }

  private static JsonRpcMethodConfig method(String pattern, Section method) throws ConfigException {
    method.allowOnly(METHOD_KEYS);
    boolean idempotent = method.bool("idempotent", false);
    Optional<CacheConfig> cache =
        SiteReader.optional(method.section("cache"), c -> SiteReader.cache(c, CACHE_KEYS));
    Optional<RetryConfig> retry =
        SiteReader.optional(method.section("retry"), r -> SiteReader.retry(r, RETRY_KEYS));
    SiteReader.requireIdempotent(method, "retry", retry.isPresent(), idempotent);
    SiteReader.requireIdempotent(method, "cache", cache.isPresent(), idempotent);
    List<Integer> statuses = statuses(method);
    boolean blockTags = method.bool("cacheBlockTags", false);
    return method.build(
        () -> new JsonRpcMethodConfig(pattern, idempotent, cache, retry, statuses, blockTags));
  }

  private static List<Integer> statuses(Section method) throws ConfigException {
    Optional<Section> retry = method.section("retry");
    List<Integer> statuses = new ArrayList<>();
    List<String> defaults =
        JsonRpcMethodConfig.TRANSIENT_STATUSES.stream().map(String::valueOf).toList();
    for (String status : retry.isPresent() ? retry.get().strings("onStatus", defaults) : defaults) {
      if (!status.matches("[1-5]\\d\\d")) {
        throw retry.orElseThrow().error("onStatus", "must list HTTP statuses, was '" + status + "'");
      }
      statuses.add(Integer.parseInt(status));
    }
    return statuses;
  }

  private static Set<String> with(Set<String> keys, String extra) {
    Set<String> all = new HashSet<>(keys);
    all.add(extra);
    return Set.copyOf(all);
  }
}
