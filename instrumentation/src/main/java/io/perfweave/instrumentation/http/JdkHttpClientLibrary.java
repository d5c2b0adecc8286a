package io.perfweave.instrumentation.http;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The JDK's {@code java.net.http.HttpClient}: {@code send} and {@code sendAsync}. A request body
 * is read only from the JDK's in-memory publishers (strings and byte arrays), which give the same
 * bytes to every subscriber; responses are cached where the body handler buffered a String or a
 * byte array. An answer from the shared cache is given to a caller whose body handler this JVM has
 * already seen buffer a String or a byte array (a handler is the caller's own code: perfweave
 * never runs it on bytes that did not come from the network).
 */
final class JdkHttpClientLibrary implements HttpLibrary {

  private static final int MAX_HANDLER_TYPES = 256;

  private static final String FACADE = HttpTypeNames.JDK_CLIENT_FACADE;

  static final int MAX_BODY = 1 << 20;
  private static final Set<String> IN_MEMORY_PUBLISHERS =
      Set.of(
          "jdk.internal.net.http.RequestPublishers$StringPublisher",
          "jdk.internal.net.http.RequestPublishers$ByteArrayPublisher",
          "jdk.internal.net.http.RequestPublishers$EmptyPublisher");

  @Override
  public List<WovenMethod> wovenMethods() {
    return List.of(
        new WovenMethod(() -> named(FACADE), () -> publicMethods().and(named("send")).and(takesArguments(2)), false),
        new WovenMethod(
            () -> named(FACADE),
            () -> publicMethods().and(named("sendAsync")).and(takesArguments(2).or(takesArguments(3))),
            true));
  }

  private static ElementMatcher.Junction<MethodDescription> publicMethods() {
    return isMethod().and(isPublic());
  }

  @Override
  public HttpRequestView request(Object receiver, Object[] arguments) {
    HttpRequest request = (HttpRequest) arguments[0];
    URI uri = request.uri();
    byte[] body = request.bodyPublisher().isPresent() ? bytesOf(request.bodyPublisher().get()) : new byte[0];
    return new HttpRequestView(
        request.method(), uri.getHost(), uri.getPort(), orEmpty(uri.getRawPath()), body);
  }

  /** What each body handler class seen so far buffered its bodies as: String or byte[]. */
  private final Map<Class<?>, Class<?>> bodyTypes = new ConcurrentHashMap<>();

  @Override
  @SuppressWarnings("unchecked")
  public Object send(Object receiver, Object[] arguments, int attempt) throws Exception {
    HttpResponse<Object> response =
        ((HttpClient) receiver)
            .send((HttpRequest) arguments[0], (HttpResponse.BodyHandler<Object>) arguments[1]);
    learn(arguments[1], response);
    return response;
  }

  private void learn(Object handler, HttpResponse<?> response) {
    Object body = response.body();
    if ((body instanceof String || body instanceof byte[]) && bodyTypes.size() < MAX_HANDLER_TYPES) {
      bodyTypes.putIfAbsent(handler.getClass(), body.getClass());
    }
  }

  /** Sends the call asynchronously, with the push promise handler where the caller gave one. */
  @Override
  @SuppressWarnings("unchecked")
  public CompletableFuture<Object> sendAsync(Object receiver, Object[] arguments) {
    HttpClient client = (HttpClient) receiver;
    HttpRequest request = (HttpRequest) arguments[0];
    HttpResponse.BodyHandler<Object> handler = (HttpResponse.BodyHandler<Object>) arguments[1];
    CompletableFuture<? extends HttpResponse<Object>> sent =
        arguments.length > 2
            ? client.sendAsync(request, handler, (HttpResponse.PushPromiseHandler<Object>) arguments[2])
            : client.sendAsync(request, handler);
    return (CompletableFuture<Object>) (CompletableFuture<?>)
        sent.thenApply(response -> {
          learn(handler, response);
          return response;
        });
  }

  @Override
  public int status(Object response) {
    return ((HttpResponse<?>) response).statusCode();
  }

  @Override
  public String header(Object response, String name) {
    return ((HttpResponse<?>) response).headers().firstValue(name).orElse(null);
  }

  @Override
  public boolean bodyInMemory(Object response) {
    Object body = ((HttpResponse<?>) response).body();
    return body instanceof String || body instanceof byte[];
  }

  @Override
  public byte[] bufferedBody(Object response) {
    Object body = ((HttpResponse<?>) response).body();
    if (body instanceof String) {
      return ((String) body).getBytes(StandardCharsets.UTF_8);
    }
    return body instanceof byte[] ? (byte[]) body : null;
  }

  @Override
  public Object replay(Object prototype, byte[] body, Object receiver, Object[] arguments) {
    HttpResponse<?> cached = (HttpResponse<?>) prototype;
    Object value = cached.body() instanceof String ? new String(body, StandardCharsets.UTF_8) : body;
    return new ReplayedHttpResponse(cached, (HttpRequest) arguments[0], value);
  }

  @Override
  public Object fresh(String contentType, byte[] body, Object receiver, Object[] arguments) {
    Class<?> type = bodyTypes.get(arguments[1].getClass());
    if (type == null) {
      return null;
    }
    Object value = type == String.class ? new String(body, StandardCharsets.UTF_8) : body;
    return ReplayedHttpResponse.ok(contentType, (HttpRequest) arguments[0], value);
  }

  @Override
  public void discard(Object response) {
    // the JDK client has already read or discarded the body through the caller's handler
  }

  private static byte[] bytesOf(HttpRequest.BodyPublisher publisher) {
    long length = publisher.contentLength();
    if (length < 0 || length > MAX_BODY || !IN_MEMORY_PUBLISHERS.contains(publisher.getClass().getName())) {
      return null;
    }
    BodyCollector collector = new BodyCollector();
    publisher.subscribe(collector);
    return collector.bytes();
  }

  private static String orEmpty(String path) {
    return path == null ? "" : path;
  }
}
