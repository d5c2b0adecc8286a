package io.perfweave.agent.config;

import io.perfweave.instrumentation.config.RedisConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code redis:} section, the server of the caches' shared level. */
final class RedisReader {

  private RedisReader() {}

  static Optional<RedisConfig> read(Optional<Section> section) throws ConfigException {
    if (section.isEmpty()) {
      return Optional.empty();
    }
    Section redis = section.get();
    redis.allowOnly(Set.of("url", "timeout", "connectTimeout", "keyPrefix", "maxConnections"));
    URI url = url(redis);
    Duration timeout = redis.duration("timeout", Duration.ofMillis(5));
    Duration connectTimeout = redis.duration("connectTimeout", Duration.ofMillis(100));
    String prefix = redis.string("keyPrefix", "perfweave:");
    int maxConnections = (int) redis.number("maxConnections", 8);
    return Optional.of(
        redis.build(() -> new RedisConfig(url, timeout, connectTimeout, prefix, maxConnections)));
  }

  private static URI url(Section redis) throws ConfigException {
    if (!redis.has("url")) {
      throw redis.errorHere("needs url (redis://host:port; the password is better given by"
          + " PERFWEAVE_REDIS_URL than written in a file)");
    }
    String text = redis.string("url", "");
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      // the text may hold a password: say where, not what
      throw redis.error("url", "must be a redis:// URL, and is not one");
    }
  }
}
