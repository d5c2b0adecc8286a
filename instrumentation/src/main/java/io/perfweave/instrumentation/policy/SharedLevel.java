package io.perfweave.instrumentation.policy;

import java.time.Duration;

/**
 * The caches' shared second level as the policy core sees it (Redis: {@code redis:}). Neither
 * method throws or waits longer than the level's own small budget: a level that is slow or down
 * answers nothing, and the call goes on without it.
 */
public interface SharedLevel {

  /**
   * Whether the level may be asked now; false while it is down, so that a call spends nothing on
   * it (no key digest, no serialization). Cheap: a volatile read.
   */
  boolean available();

  /** What is stored under {@code key}, or null: not there, or the level unavailable. */
  byte[] get(String key);

  /** Stores {@code value} under {@code key} for {@code ttl}, off the caller's thread. */
  void put(String key, byte[] value, Duration ttl);
}
