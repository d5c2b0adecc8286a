package io.perfweave.instrumentation.bridge;

/**
 * What the bridge hands calls to: implemented by the runtime in the agent's class loader. Only JDK
 * types may appear here, because this interface is loaded by the bootstrap class loader.
 */
public interface Dispatcher {

  /** Starts one call of {@code site}; the returned scope comes back to {@link #exit}. */
  Object enter(int site);

  /** Ends the call started by {@link #enter}; {@code thrown} is null when it returned normally. */
  void exit(int site, Object scope, Throwable thrown, String target);

  /**
   * Starts one call of a site with a cache or retry policy; returns a {@link Served} when the call
   * is answered without running the method.
   */
  Object enterPolicy(int site, Object receiver, Object[] arguments);

  /**
   * Ends one attempt of a policy call; returns true when the method should run again (a retry),
   * after the backoff has been waited.
   */
  boolean exitPolicy(int site, Object scope, Object returned, Throwable thrown, String target);
}
