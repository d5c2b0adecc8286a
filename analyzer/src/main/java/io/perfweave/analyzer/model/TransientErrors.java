package io.perfweave.analyzer.model;

import java.util.List;

/**
 * Which errors are transient, the kind a retry can absorb: I/O exception types, and the HTTP
 * statuses the built-in HTTP sites record as {@code HTTP 503} and the like.
 */
public final class TransientErrors {

  private static final List<String> TRANSIENT =
      List.of(
          "java.io.IOException", "java.net.", "java.net.http.", "java.util.concurrent.TimeoutException",
          "javax.net.ssl.SSLException", "java.io.InterruptedIOException", "java.io.EOFException",
          "java.io.UncheckedIOException", "okhttp3.", "org.apache.hc.core5.http.NoHttpResponseException");

  private TransientErrors() {}

  /** The HTTP status of an error recorded as {@code HTTP nnn}, or -1. */
  public static int status(String error) {
    return error.matches("HTTP \\d{3}") ? Integer.parseInt(error.substring(5)) : -1;
  }

  private static final List<String> TRANSIENT_STATUSES =
      List.of("HTTP 429", "HTTP 502", "HTTP 503", "HTTP 504");

  public static boolean isTransient(String type) {
    return TRANSIENT_STATUSES.contains(type)
        || TRANSIENT.stream().anyMatch(type::startsWith)
        || type.endsWith("TimeoutException")
        || type.endsWith("IOException");
  }
}
