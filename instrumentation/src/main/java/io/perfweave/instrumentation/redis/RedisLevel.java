package io.perfweave.instrumentation.redis;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.perfweave.bridge.Bridge;
import io.perfweave.instrumentation.config.RedisConfig;
import io.perfweave.instrumentation.policy.SharedLevel;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The shared level in Redis, on a Jedis pool. A lookup runs on the caller's thread and waits at
 * most {@code redis.timeout} (for a pooled connection and for the answer); a store runs on one
 * daemon thread behind a bounded queue (dropped when the queue is full: a slow Redis never holds
 * a caller). A failure opens {@link RedisHealth}'s breaker: lookups skip Redis until it has been
 * tried again; nothing Redis does reaches the application.
 */
public final class RedisLevel implements SharedLevel {

  private static final int WRITE_QUEUE = 1024;

  private final RedisConfig config;
  private final JedisPool pool;
  private final RedisHealth health;
  private final ThreadPoolExecutor writer;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder writes = new LongAdder();
  private final LongAdder dropped = new LongAdder();

  private RedisLevel(RedisConfig config, PrintStream err) {
    this.config = config;
    this.health = new RedisHealth(config.address(), err);
    this.pool = new JedisPool(poolConfig(config), new HostAndPort(config.url().getHost(), config.port()),
        clientConfig(config));
    this.writer =
        new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WRITE_QUEUE),
            task -> {
              Thread thread = new Thread(() -> {
                Bridge.ownThisThread();
                task.run();
              }, "perfweave-redis-writer");
              thread.setDaemon(true);
              return thread;
            },
            (task, executor) -> dropped.increment());
  }

  /** Starts connecting, off the caller's thread: lookups skip Redis until it answers. */
  public static RedisLevel start(RedisConfig config, PrintStream err) {
    RedisLevel level = new RedisLevel(config, err);
    level.health.probeDue();
    level.writer.execute(level::probe);
    return level;
  }

  @Override
  public boolean available() {
    if (health.usable()) {
      return true;
    }
    if (health.probeDue()) {
      writer.execute(this::probe);
    }
    return false;
  }

  @Override
  public byte[] get(String key) {
    if (!available()) {
      return null;
    }
    try (Jedis jedis = pool.getResource()) {
      byte[] value = jedis.get(bytes(key));
      health.succeeded();
      (value == null ? misses : hits).increment();
      return value;
    } catch (RuntimeException | LinkageError failure) {
      health.failed(failure);
      return null;
    }
  }

  @Override
  public void put(String key, byte[] value, Duration ttl) {
    if (health.usable()) {
      writer.execute(() -> write(key, value, ttl));
    }
  }

  /**
   * Opens the pool's connections anew and asks Redis once, on the writer thread: callers then
   * only ever borrow an open connection (waiting at most {@code timeout}), never open one.
   */
  private void probe() {
    try {
      // after a restart every idle connection is dead: open them all again
      pool.clear();
      int missing = config.maxConnections() - pool.getNumActive();
      if (missing > 0) {
        pool.addObjects(missing);
      }
      try (Jedis jedis = pool.getResource()) {
        jedis.ping();
      }
      health.succeeded();
    } catch (RuntimeException | LinkageError failure) {
      health.failed(failure);
    }
  }

  private void write(String key, byte[] value, Duration ttl) {
    try (Jedis jedis = pool.getResource()) {
      jedis.psetex(bytes(key), ttl.toMillis(), value);
      writes.increment();
      health.succeeded();
    } catch (JedisDataException refused) {
      // Redis answered, and said no (maxmemory, a read-only replica): lookups still work
      health.refusedWrite(refused);
    } catch (RuntimeException | LinkageError failure) {
      health.failed(failure);
    }
  }

  private byte[] bytes(String key) {
    return (config.keyPrefix() + key).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Exports the shared level's counts as {@code perfweave.cache.l2.lookups} (tag {@code result}:
   * {@code hit}, {@code miss}), {@code perfweave.cache.l2.stores}, {@code perfweave.cache.l2.errors}
   * and {@code perfweave.cache.l2.stores.dropped}, tagged with the server's {@code server.address}.
   */
  public void bindTo(MeterRegistry registry) {
    String server = config.address();
    FunctionCounter.builder("perfweave.cache.l2.lookups", hits, LongAdder::doubleValue)
        .tags("result", "hit", "server.address", server).register(registry);
    FunctionCounter.builder("perfweave.cache.l2.lookups", misses, LongAdder::doubleValue)
        .tags("result", "miss", "server.address", server).register(registry);
    FunctionCounter.builder("perfweave.cache.l2.stores", writes, LongAdder::doubleValue)
        .tags("server.address", server).register(registry);
    FunctionCounter.builder("perfweave.cache.l2.stores.dropped", dropped, LongAdder::doubleValue)
        .tags("server.address", server).register(registry);
    FunctionCounter.builder("perfweave.cache.l2.errors", health, RedisHealth::errors)
        .tags("server.address", server).register(registry);
  }

  /** One line for the exit summary. */
  public String summary() {
    return "redis L2 " + config.address() + ": " + hits.sum() + " hits, " + misses.sum() + " misses, "
        + writes.sum() + " stored, " + health.errors() + " errors"
        + (dropped.sum() > 0 ? ", " + dropped.sum() + " stores dropped (queue full)" : "");
  }


  public void close() {
    writer.shutdownNow();
    pool.close();
  }

  private static GenericObjectPoolConfig<Jedis> poolConfig(RedisConfig config) {
    GenericObjectPoolConfig<Jedis> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(config.maxConnections());
    pool.setMaxIdle(config.maxConnections());
    pool.setMinIdle(0);
    pool.setBlockWhenExhausted(true);
    pool.setMaxWait(config.timeout());
    pool.setJmxEnabled(false);
    return pool;
  }

  private static DefaultJedisClientConfig clientConfig(RedisConfig config) {
    DefaultJedisClientConfig.Builder client =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis((int) config.connectTimeout().toMillis())
            .socketTimeoutMillis((int) config.timeout().toMillis())
            .ssl("rediss".equals(config.url().getScheme()))
            .clientName("perfweave");
    String userInfo = config.url().getUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      if (colon < 0) {
        client.password(userInfo);
      } else {
        if (colon > 0) {
          client.user(userInfo.substring(0, colon));
        }
        client.password(userInfo.substring(colon + 1));
      }
    }
    String path = config.url().getPath();
    if (path != null && path.length() > 1) {
      client.database(Integer.parseInt(path.substring(1)));
    }
    return client.build();
  }
}
