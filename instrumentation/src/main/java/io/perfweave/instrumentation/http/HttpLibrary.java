package io.perfweave.instrumentation.http;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One HTTP client library as perfweave sees it, all in one place: the send methods woven, how to
 * read a request and a response, how to send the call again, and how to hand a caller a cached
 * response in the library's own type. {@code receiver} and {@code arguments} are those of the woven
 * entry point.
 */
interface HttpLibrary {

  /** The send methods to weave; a library's classes are matched inside its own packages only. */
  List<WovenMethod> wovenMethods();

  /** The request about to be sent, or null when it cannot be read (the call is then left alone). */
  HttpRequestView request(Object receiver, Object[] arguments) throws Throwable;

  /** Sends the call; attempt 1 is the application's own call, later ones are retries. */
  Object send(Object receiver, Object[] arguments, int attempt) throws Throwable;

  /** Sends the call through an {@link WovenMethod#async} method: the future of its response. */
  default CompletableFuture<Object> sendAsync(Object receiver, Object[] arguments) {
    throw new UnsupportedOperationException(getClass().getName() + " has no asynchronous send");
  }

  int status(Object response) throws Throwable;

  /** A response header, or null. */
  String header(Object response, String name) throws Throwable;

  /** Whether {@link #bufferedBody} of {@code response} reads nothing more from the network. */
  boolean bodyInMemory(Object response);

  /**
   * The whole response body, read so that the caller can still read it, or null where the body is
   * streamed to the caller and cannot be cached.
   */
  byte[] bufferedBody(Object response) throws Throwable;

  /** A response for this caller: the cached one's status and headers with {@code body}. */
  Object replay(Object prototype, byte[] body, Object receiver, Object[] arguments) throws Throwable;

  /**
   * A 200 response for this caller built from nothing but a Content-Type and a body: an answer
   * another JVM stored in the shared cache (no other header of its response travels); null where
   * this caller's response cannot be built from them.
   */
  Object fresh(String contentType, byte[] body, Object receiver, Object[] arguments) throws Throwable;

  /** Releases a response the caller will not get (a failed attempt that is retried). */
  void discard(Object response);
}
