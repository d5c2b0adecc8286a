package io.perfweave.bridge;

/**
 * The scope of one call of a site with a cache or retry policy. When {@code replace} is set, the
 * advice hands the caller {@code value} (or throws {@code failure}) instead of what the method
 * itself returned.
 */
public abstract class PolicyScope {

  /** Whether the caller gets {@link #value} or {@link #failure} instead of the method's own. */
  public boolean replace;

  /** The value served to the caller. */
  public Object value;

  /** The failure delivered to the caller, or null. */
  public Throwable failure;
}
