package com.example.portfolio.node;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which requests fail, and how: the n-th request of a method fails when a hash of (seed, method,
 * n) falls under the failure rate, so that a seed gives the same failures for the same requests
 * whatever the threads' timing. A failure is a 503 (half of them), a connection reset (a third)
 * or a response that hangs past any sane client timeout (the rest).
 */
final class Faults {

  /** What happens to one request. */
  enum Fault {
    NONE,
    UNAVAILABLE,
    RESET,
    HANG
  }

  private final long seed;
  private final double rate;
  private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

  Faults(long seed, double rate) {
    this.seed = seed;
    this.rate = rate;
  }

  Fault next(String method) {
    long n = counters.computeIfAbsent(method, m -> new AtomicLong()).incrementAndGet();
    long hash = mix(seed ^ mix(method.hashCode()) ^ mix(n * 0x9E3779B97F4A7C15L));
    if (unit(hash) >= rate) {
      return Fault.NONE;
    }
    double kind = unit(mix(hash));
    return kind < 0.5 ? Fault.UNAVAILABLE : kind < 0.83 ? Fault.RESET : Fault.HANG;
  }

  /** A latency decision from the same seed: 5% of requests take 25–50 ms, the rest 2–5 ms. */
  long latencyMillis(String method, long n) {
    long hash = mix(seed + 31 * method.hashCode() + n);
    return unit(hash) < 0.05 ? 25 + (hash >>> 40) % 26 : 2 + (hash >>> 40) % 4;
  }

  private static double unit(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
