package io.perfweave.instrumentation.config;

import static io.perfweave.instrumentation.config.Checks.requireArgument;

import java.net.URI;
import java.time.Duration;

/**
 * The {@code redis:} section: the server of the caches' shared second level ({@code cache.l2}).
 *
 * @param url {@code redis://[[user]:password@]host[:port][/database]}, or {@code rediss://} for
 *     TLS; the password is never printed
 * @param timeout the most one lookup may wait for Redis before the call goes on without it;
 *     default 5ms
 * @param connectTimeout the most opening a connection may take; default 100ms
 * @param keyPrefix what every key perfweave writes starts with; default {@code perfweave:}
 * @param maxConnections the pool's size; default 8
 */
public record RedisConfig(
    URI url, Duration timeout, Duration connectTimeout, String keyPrefix, int maxConnections) {

  public RedisConfig {
    requireArgument("redis".equals(url.getScheme()) || "rediss".equals(url.getScheme()),
        "url must be a redis:// or rediss:// URL, was '%s'", redacted(url));
    requireArgument(url.getHost() != null, "url must name a host, was '%s'", redacted(url));
    requireArgument(timeout.toMillis() >= 1, "timeout must be at least 1ms, was %s", timeout);
    requireArgument(connectTimeout.toMillis() >= 1,
        "connectTimeout must be at least 1ms, was %s", connectTimeout);
    requireArgument(maxConnections >= 1, "maxConnections must be at least 1, was %s", maxConnections);
  }

  /** {@code host:port}, as perfweave names the server in what it prints. */
  public String address() {
    return url.getHost() + ":" + port();
  }

  public int port() {
    return url.getPort() < 0 ? 6379 : url.getPort();
  }

  /** The URL without its user and password: what may be printed. */
  public static String redacted(URI url) {
    String text = url.toString();
    return url.getRawUserInfo() == null ? text : text.replace(url.getRawUserInfo() + "@", "***@");
  }
}
