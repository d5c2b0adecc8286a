package com.example.bench;

/**
 * The benchmarked methods: the same small computation in classes that bench-perfweave.yaml
 * instruments differently. They live outside io.perfweave, which the agent never weaves.
 */
public final class Targets {

  private Targets() {}

  /** Not instrumented: the baseline. */
  public static class Plain {
    public long get(long key) {
      return key * 31 + 7;
    }
  }

  /** Timing advice, event without stack trace. */
  public static class Timed {
    public long get(long key) {
      return key * 31 + 7;
    }
  }

  /** Timing advice, event with stack trace. */
  public static class TimedStack {
    public long get(long key) {
      return key * 31 + 7;
    }
  }

  /** Cache; called with one key, so every call after the first is a hit. */
  public static class Cached {
    public long get(long key) {
      return key * 31 + 7;
    }
  }

  /** Cache; called with a new key every time, so every call is a miss. */
  public static class Uncacheable {
    public long get(long key) {
      return key * 31 + 7;
    }
  }

  /**
   * A cache of ten entries with a shared level in Redis (bench-shared.yaml), called with keys
   * that cycle through far more than ten: every call misses this JVM's cache and, once the keys
   * are stored, hits the shared one.
   */
  public static class Shared {
    public long get(long key) {
      return key * 31 + 7;
    }
  }

  /** Retry policy on a call that never fails. */
  public static class Retried {
    public long get(long key) {
      return key * 31 + 7;
    }
  }
}
