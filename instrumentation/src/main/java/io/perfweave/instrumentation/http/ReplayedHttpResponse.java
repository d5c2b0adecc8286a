package io.perfweave.instrumentation.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * A cached JDK response served to another caller: its own request, the cached status and headers
 * (or, from the shared cache, a 200 with nothing but the Content-Type).
 */
final class ReplayedHttpResponse implements HttpResponse<Object> {

  private final int status;
  private final HttpHeaders headers;
  private final HttpClient.Version version;
  private final Optional<SSLSession> sslSession;
  private final HttpRequest request;
  private final Object body;

  ReplayedHttpResponse(HttpResponse<?> cached, HttpRequest request, Object body) {
    this(cached.statusCode(), cached.headers(), cached.version(), cached.sslSession(), request, body);
  }

  private ReplayedHttpResponse(
      int status, HttpHeaders headers, HttpClient.Version version, Optional<SSLSession> sslSession,
      HttpRequest request, Object body) {
    this.status = status;
    this.headers = headers;
    this.version = version;
    this.sslSession = sslSession;
    this.request = request;
    this.body = body;
  }

  /** A 200 for {@code request} with only {@code contentType} (may be null) among its headers. */
  static ReplayedHttpResponse ok(String contentType, HttpRequest request, Object body) {
    HttpHeaders headers =
        HttpHeaders.of(
            contentType == null ? Map.of() : Map.of("Content-Type", List.of(contentType)),
            (name, value) -> true);
    return new ReplayedHttpResponse(
        200, headers, HttpClient.Version.HTTP_1_1, Optional.empty(), request, body);
  }

  @Override
  public int statusCode() {
    return status;
  }

  @Override
  public HttpRequest request() {
    return request;
  }

  @Override
  public Optional<HttpResponse<Object>> previousResponse() {
    return Optional.empty();
  }

  @Override
  public HttpHeaders headers() {
    return headers;
  }

  @Override
  public Object body() {
    return body;
  }

  @Override
  public Optional<SSLSession> sslSession() {
    return sslSession;
  }

  @Override
  public URI uri() {
    return request.uri();
  }

  @Override
  public HttpClient.Version version() {
    return version;
  }
}
