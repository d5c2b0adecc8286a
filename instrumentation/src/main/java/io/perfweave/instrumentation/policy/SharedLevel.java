package io.perfweave.instrumentation.policy;

import java.time.Duration;

/**
 * The caches' shared second level as the policy core sees it (Redis: {@code redis:}). Neither
 * method throws or waits longer than the level's own small budget: a level that is slow or down
 * answers nothing, and the call goes on without it.
 */
public interface SharedLevel {

  /** What is stored under {@code key}, or null: not there, or the level unavailable. */
  byte[] get(String key);

  /** Stores {@code value} under {@code key} for {@code ttl}, off the caller's thread. */
  void put(String key, byte[] value, Duration ttl);
}
