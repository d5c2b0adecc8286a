package io.perfweave.instrumentation.http;

import java.util.List;

/**
 * The names of the built-in HTTP clients' classes perfweave weaves, or what they begin with: the
 * clients' matchers start with them, and the agent uses them to tell, without Byte Buddy, whether
 * a class being loaded may be woven at all.
 */
public final class HttpTypeNames {

  /** The JDK HttpClient's facade, whose {@code send} and {@code sendAsync} are woven. */
  static final String JDK_CLIENT_FACADE = "jdk.internal.net.http.HttpClientFacade";
  /** OkHttp's own call classes. */
  static final String OKHTTP_PACKAGE = "okhttp3.";
  /** Apache HttpClient 5's classic clients. */
  static final String APACHE_CLASSIC_PACKAGE = "org.apache.hc.client5.";
  /** The JDK's HttpURLConnection. */
  static final String URL_CONNECTION = "sun.net.www.protocol.http.HttpURLConnection";

  /** Every woven HTTP class's name begins with one of these. */
  public static final List<String> PREFIXES =
      List.of(JDK_CLIENT_FACADE, OKHTTP_PACKAGE, APACHE_CLASSIC_PACKAGE, URL_CONNECTION);

  private HttpTypeNames() {}
}
