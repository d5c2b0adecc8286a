package io.perfweave.agent.config;

import io.perfweave.instrumentation.config.CacheConfig;
import io.perfweave.instrumentation.config.Jitter;
import io.perfweave.instrumentation.config.MatchConfig;
import io.perfweave.instrumentation.config.Mode;
import io.perfweave.instrumentation.config.RetryConfig;
import io.perfweave.instrumentation.config.SiteConfig;
import io.perfweave.instrumentation.weaving.Exclusions;
import io.perfweave.instrumentation.weaving.Globs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one entry of {@code sites:} and checks the rules that span its keys. */
final class SiteReader {

  private static final Set<String> SITE_KEYS =
      Set.of("name", "match", "idempotent", "stackTrace", "resultHash", "cache", "retry");
  private static final Set<String> MATCH_KEYS =
      Set.of("type", "subtypesOf", "method", "params", "maxTypes");
  private static final Set<String> WOVEN_CACHE_KEYS =
      Set.of("ttl", "maxSize", "key", "mode", "cacheNull", "copy", "l2");
  static final Set<String> RETRY_KEYS =
      Set.of(
          "maxAttempts", "backoff", "multiplier", "maxBackoff", "jitter", "on", "budget",
          "maxDuration", "mode");
  private static final List<String> RETRYABLE_BY_DEFAULT =
      List.of("java.io.IOException", "java.util.concurrent.TimeoutException");
  private static final Pattern TYPE_NAME =
      Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.$]*");

  private SiteReader() {}

  static SiteConfig read(Section site) throws ConfigException {
    site.allowOnly(SITE_KEYS);
    if (!site.has("name")) {
      throw site.errorHere("must have a name");
    }
    Section match = site.section("match").orElseThrow(() -> site.errorHere("must have a match"));
    boolean idempotent = site.bool("idempotent", false);
    Optional<CacheConfig> cache = optional(site.section("cache"), SiteReader::wovenCache);
    Optional<RetryConfig> retry = optional(site.section("retry"), r -> retry(r, RETRY_KEYS));
    requireIdempotent(site, "retry", retry.isPresent(), idempotent);
    requireIdempotent(site, "cache", cache.isPresent(), idempotent);
    String name = site.string("name", "");
    MatchConfig matchConfig = match(match);
    boolean stackTrace = site.bool("stackTrace", true);
    boolean resultHash = site.bool("resultHash", true);
    return site.build(
        () -> new SiteConfig(name, matchConfig, idempotent, stackTrace, resultHash, cache, retry));
  }

  private static MatchConfig match(Section match) throws ConfigException {
    match.allowOnly(MATCH_KEYS);
    String type = match.string("type", "");
    if (!type.isEmpty() && Globs.matchesEverything(type)) {
      throw match.error("type", "would match every type, was '" + type + "'; name a package");
    }
    String subtypesOf = match.string("subtypesOf", "");
    if (!subtypesOf.isEmpty() && !TYPE_NAME.matcher(subtypesOf).matches()) {
      throw match.error("subtypesOf", "must be a type name, was '" + subtypesOf + "'");
    }
    requireNotSelfUsed(match, "type", Globs.literalPrefix(type));
    requireNotSelfUsed(match, "subtypesOf", subtypesOf);
    String method = match.string("method", "");
    List<String> params = match.strings("params", List.of());
    boolean anyParams = !match.has("params");
    int maxTypes = (int) match.number("maxTypes", MatchConfig.DEFAULT_MAX_TYPES);
    return match.build(
        () -> new MatchConfig(type, subtypesOf, method, params, anyParams, maxTypes));
  }

  /** A site may not reach the JDK packages perfweave itself calls: it would recurse forever. */
  private static void requireNotSelfUsed(Section match, String key, String name)
      throws ConfigException {
    String selfUsed = name.isEmpty() ? null : Exclusions.selfUsedPackageReachedBy(name);
    if (selfUsed != null) {
      throw match.error(
          key,
          "names " + name + ", in " + selfUsed + "*, a JDK package perfweave itself calls while it"
              + " records a call: weaving it would recurse; name the application's own type"
              + " instead");
    }
  }

  private static CacheConfig wovenCache(Section cache) throws ConfigException {
    CacheConfig config = cache(cache, WOVEN_CACHE_KEYS);
    if (config.l2Ttl().isPresent() && config.keyReceiver()) {
      throw cache.error("l2", "cannot share a key that holds the receiver (key: this): its identity"
          + " means nothing in another JVM");
    }
    return config;
  }

  static CacheConfig cache(Section cache, Set<String> keys) throws ConfigException {
    cache.allowOnly(keys);
    if (!cache.has("ttl")) {
      throw cache.errorHere("must have a ttl");
    }
    Duration ttl = cache.duration("ttl", Duration.ZERO);
    long maxSize = cache.number("maxSize", 10_000);
    List<Integer> keyArgs = new ArrayList<>();
    boolean receiver = false;
    for (String part : cache.strings("key", List.of("args"))) {
      if (part.equals("this")) {
        receiver = true;
      } else if (part.matches("\\d+")) {
        keyArgs.add(Integer.parseInt(part));
      } else if (!part.equals("args")) {
        throw cache.error("key", "must be args, this, or argument indices, was '" + part + "'");
      }
    }
    Mode mode = cache.choice("mode", Mode.class, Mode.ON);
    boolean cacheNull = cache.bool("cacheNull", false);
    boolean copy = cache.bool("copy", false);
    boolean keyReceiver = receiver;
    Optional<Duration> l2Ttl = l2Ttl(cache);
    return cache.build(
        () -> new CacheConfig(ttl, maxSize, keyArgs, keyReceiver, mode, cacheNull, copy, l2Ttl));
  }

  /** {@code l2: { ttl: 30s }}: the shared level's TTL, or empty where there is none. */
  private static Optional<Duration> l2Ttl(Section cache) throws ConfigException {
    Optional<Section> l2 = cache.section("l2");
    if (l2.isEmpty()) {
      return Optional.empty();
    }
    l2.get().allowOnly(Set.of("ttl"));
    if (!l2.get().has("ttl")) {
      throw l2.get().errorHere("must have a ttl");
    }
    return Optional.of(l2.get().duration("ttl", Duration.ZERO));
  }

  static RetryConfig retry(Section retry, Set<String> keys) throws ConfigException {
    retry.allowOnly(keys);
    int maxAttempts = (int) retry.number("maxAttempts", 3);
    Duration backoff = retry.duration("backoff", Duration.ofMillis(100));
    double multiplier = retry.decimal("multiplier", 2);
    Duration maxBackoff = retry.duration("maxBackoff", Duration.ofSeconds(2));
    Jitter jitter = retry.choice("jitter", Jitter.class, Jitter.FULL);
    List<String> on = retry.strings("on", RETRYABLE_BY_DEFAULT);
    for (String type : on) {
      if (!TYPE_NAME.matcher(type).matches()) {
        throw retry.error("on", "must list exception type names, was '" + type + "'");
      }
    }
    double budget = retry.decimal("budget", 0.2);
    Duration maxDuration = retry.duration("maxDuration", Duration.ZERO);
    Mode mode = retry.choice("mode", Mode.class, Mode.ON);
    return retry.build(
        () ->
            new RetryConfig(
                maxAttempts, backoff, multiplier, maxBackoff, jitter, on, budget, maxDuration,
                mode));
  }

  static void requireIdempotent(
      Section site, String policy, boolean present, boolean idempotent) throws ConfigException {
    if (present && !idempotent) {
      throw site.error(
          policy,
          "requires idempotent: true on the site; perfweave never "
              + (policy.equals("retry") ? "re-sends" : "caches")
              + " a call not declared idempotent");
    }
  }

  interface Reader<T> {
    T read(Section section) throws ConfigException;
  }

  static <T> Optional<T> optional(Optional<Section> section, Reader<T> reader)
      throws ConfigException {
    return section.isPresent() ? Optional.of(reader.read(section.get())) : Optional.empty();
  }
}
