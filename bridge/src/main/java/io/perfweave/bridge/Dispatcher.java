package io.perfweave.bridge;

/**
 * What the bridge hands calls to: implemented by the runtime in the agent's class loader. Only JDK
 * types may appear here, because this interface is loaded by the bootstrap class loader.
 */
public interface Dispatcher {

  /**
   * Starts one timed call of {@code site}: its start on {@code System.nanoTime()}, which comes
   * back to {@link #exit}; {@link Bridge#NOT_TIMED} where the call is not timed.
   */
  long enter(int site);

  /**
   * Ends the call started by {@link #enter} at {@code startNanos}; {@code thrown} is null when it
   * returned normally, {@code returned} null where the site does not hash the value.
   */
  void exit(int site, long startNanos, Object returned, Throwable thrown, String target);

  /** {@link #exit} of a method returning an integral primitive (widened to long). */
  void exitLong(int site, long startNanos, long returned, Throwable thrown, String target);

  /**
   * Starts one call of a site with a cache or retry policy; returns a {@link Served} when the call
   * is answered without running the method. {@code type} declares the method, {@code method} is
   * its name and descriptor: a site that matches several methods keeps their keys apart; {@code
   * thread} is the calling thread's state, looked up once for the call.
   */
  Object enterPolicy(
      int site, Class<?> type, String method, Object receiver, Object[] arguments, ThreadState thread);

  /**
   * Ends one attempt of a policy call; returns true when the method should run again (a retry),
   * after the backoff has been waited.
   */
  boolean exitPolicy(int site, Object scope, Object returned, Throwable thrown, String target);

  /**
   * Starts one call of a built-in HTTP client ({@code client} says which entry point); returns
   * null to let the method run untouched, a {@link Served} when the call was answered here (from
   * the cache, or sent here with retries), or a scope that comes back to {@link #exitHttp}.
   */
  Object enterHttp(int client, Object receiver, Object[] arguments);

  /** Ends a built-in HTTP client call that {@link #enterHttp} let run. */
  void exitHttp(int client, Object scope, Object returned, Throwable thrown);

  /**
   * Starts one request of an {@code HttpURLConnection}: {@code poster} is its buffered request
   * body (a ByteArrayOutputStream) or null.
   */
  Object enterUrlConnection(Object connection, Object poster);

  /** Ends the request started by {@link #enterUrlConnection}; {@code status} may be -1. */
  void exitUrlConnection(Object scope, int status, Throwable thrown);
}
