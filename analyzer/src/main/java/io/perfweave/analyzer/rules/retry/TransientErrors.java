package io.perfweave.analyzer.rules.retry;

import java.util.List;

/** Which exception types are transient, the kind a retry can absorb. */
final class TransientErrors {

  private static final List<String> TRANSIENT =
      List.of(
          "java.io.IOException", "java.net.", "java.net.http.", "java.util.concurrent.TimeoutException",
          "javax.net.ssl.SSLException", "java.io.InterruptedIOException", "java.io.EOFException",
          "java.io.UncheckedIOException", "okhttp3.", "org.apache.hc.core5.http.NoHttpResponseException");

  private TransientErrors() {}

  static boolean isTransient(String type) {
    return TRANSIENT.stream().anyMatch(type::startsWith)
        || type.endsWith("TimeoutException")
        || type.endsWith("IOException");
  }
}
