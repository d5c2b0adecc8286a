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
}
