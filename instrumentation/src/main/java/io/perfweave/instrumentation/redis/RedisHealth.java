package io.perfweave.instrumentation.redis;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether Redis is worth asking. It starts closed to callers until a probe (off their threads)
 * has connected; after a failure, callers skip Redis until a probe succeeds again, tried after a
 * pause (1 s, doubling while it keeps failing, at most 30 s). So a caller never waits to connect
 * to a Redis that is down. Says once that Redis is unavailable, with the first failure's kind,
 * and once that a write was refused; never prints the server's password.
 */
final class RedisHealth {

  private static final long FIRST_PAUSE_NANOS = 1_000_000_000L;
  private static final long LONGEST_PAUSE_NANOS = 30_000_000_000L;

  private final String address;
  private final PrintStream err;
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong probeAtNanos = new AtomicLong(System.nanoTime());
  private final AtomicLong pauseNanos = new AtomicLong(FIRST_PAUSE_NANOS);
  private final AtomicBoolean saidUnavailable = new AtomicBoolean();
  private final AtomicBoolean saidRefused = new AtomicBoolean();
  private volatile boolean open = true;

  RedisHealth(String address, PrintStream err) {
    this.address = address;
    this.err = err;
  }

  /** Whether callers may ask Redis: the last probe or call succeeded. */
  boolean usable() {
    return !open;
  }

  /** Whether a probe is due now; true for one caller per pause, who schedules it. */
  boolean probeDue() {
    long at = probeAtNanos.get();
    long now = System.nanoTime();
    return now - at >= 0 && probeAtNanos.compareAndSet(at, now + pauseNanos.get());
  }

  void succeeded() {
    if (open) {
      open = false;
      pauseNanos.set(FIRST_PAUSE_NANOS);
    }
  }

  void failed(Throwable failure) {
    errors.incrementAndGet();
    long pause = open ? Math.min(LONGEST_PAUSE_NANOS, pauseNanos.get() * 2) : FIRST_PAUSE_NANOS;
    pauseNanos.set(pause);
    probeAtNanos.set(System.nanoTime() + pause);
    open = true;
    if (saidUnavailable.compareAndSet(false, true)) {
      err.println("perfweave: warning: the shared cache (redis " + address + ") is unavailable ("
          + kind(failure) + "); calls go on with the in-JVM cache and the remote call, and Redis is"
          + " tried again by itself (said once; errors are counted in the exit summary)");
    }
  }

  void refusedWrite(RuntimeException refusal) {
    errors.incrementAndGet();
    if (saidRefused.compareAndSet(false, true)) {
      err.println("perfweave: warning: redis " + address + " refused to store an answer ("
          + firstLine(refusal.getMessage()) + "); lookups go on (said once)");
    }
  }

  long errors() {
    return errors.get();
  }

  /** The failure's type and first line: Jedis's messages name the host, never the password. */
  private static String kind(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String kind = failure.getClass().getSimpleName() + ": " + firstLine(failure.getMessage());
    return cause == failure ? kind : kind + ", caused by " + cause.getClass().getSimpleName();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
