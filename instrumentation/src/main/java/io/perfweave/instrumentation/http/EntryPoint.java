package io.perfweave.instrumentation.http;

/**
 * The methods of the HTTP client libraries that perfweave weaves out of the box; the ordinal is
 * the constant woven into the advice.
 */
public enum EntryPoint {
  /** {@code java.net.http.HttpClient.send(request, handler)}. */
  JDK_SEND("jdk.internal.net.http.HttpClientFacade", "send"),
  /** {@code java.net.http.HttpClient.sendAsync(request, handler[, pushPromiseHandler])}. */
  JDK_SEND_ASYNC("jdk.internal.net.http.HttpClientFacade", "sendAsync"),
  /** OkHttp 3, 4 and 5: {@code Call.execute()} on the library's own call class. */
  OKHTTP_EXECUTE("okhttp3.Call", "execute"),
  /** Apache HttpClient 5 classic: every {@code execute} ends in {@code doExecute}. */
  APACHE_EXECUTE("org.apache.hc.client5.http.impl.classic.CloseableHttpClient", "doExecute");

  private static final EntryPoint[] ALL = values();

  private final String type;
  private final String method;

  EntryPoint(String type, String method) {
    this.type = type;
    this.method = method;
  }

  /** The class whose method is woven, or the type its implementations extend. */
  public String type() {
    return type;
  }

  public String method() {
    return method;
  }

  static EntryPoint of(int ordinal) {
    return ALL[ordinal];
  }
}
