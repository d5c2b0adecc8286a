package io.perfweave.instrumentation.http;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.perfweave.instrumentation.policy.Attempt;
import java.io.ByteArrayOutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The JDK's {@code HttpURLConnection}, all in one place: the method woven ({@code
 * getInputStream}, where the request is sent and the response read; its advice reads the
 * connection's fields), and how a request and its end are read. Its calls are timed only.
 */
public final class UrlConnections {

  private UrlConnections() {}

  public static ElementMatcher.Junction<TypeDescription> types() {
    return named(HttpTypeNames.URL_CONNECTION);
  }

  public static ElementMatcher.Junction<MethodDescription> methods() {
    return isMethod().and(named("getInputStream")).and(takesArguments(0));
  }

  /** The request about to be sent; {@code poster} is its buffered body or null. */
  static HttpRequestView request(Object connection, Object poster) {
    HttpURLConnection http = (HttpURLConnection) connection;
    URL url = http.getURL();
    byte[] body =
        poster instanceof ByteArrayOutputStream
            ? ((ByteArrayOutputStream) poster).toByteArray()
            : http.getDoOutput() ? null : new byte[0];
    String path = url.getPath() == null ? "" : url.getPath();
    return new HttpRequestView(http.getRequestMethod(), url.getHost(), url.getPort(), path, body);
  }

  /** How the request ended; {@code status} may be -1. */
  static Attempt ended(int status, Throwable thrown) {
    // an error status makes getInputStream throw; the status says more than the exception
    return new Attempt(null, Math.max(status, 0), status >= 400 ? null : thrown);
  }
}
