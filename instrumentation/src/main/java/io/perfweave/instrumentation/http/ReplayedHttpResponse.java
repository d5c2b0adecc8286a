package io.perfweave.instrumentation.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/** A cached JDK response served to another caller: its own request, the cached status and headers. */
final class ReplayedHttpResponse implements HttpResponse<Object> {

  private final HttpResponse<?> cached;
  private final HttpRequest request;
  private final Object body;

  ReplayedHttpResponse(HttpResponse<?> cached, HttpRequest request, Object body) {
    this.cached = cached;
    this.request = request;
    this.body = body;
  }

  @Override
  public int statusCode() {
    return cached.statusCode();
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
    return cached.headers();
  }

  @Override
  public Object body() {
    return body;
  }

  @Override
  public Optional<SSLSession> sslSession() {
    return cached.sslSession();
  }

  @Override
  public URI uri() {
    return request.uri();
  }

  @Override
  public HttpClient.Version version() {
    return cached.version();
  }
}
