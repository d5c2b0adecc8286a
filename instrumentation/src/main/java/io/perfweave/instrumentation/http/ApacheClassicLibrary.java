package io.perfweave.instrumentation.http;

import static io.perfweave.instrumentation.weaving.SuperTypeNamed.superTypeNamed;
import static io.perfweave.instrumentation.http.Reflection.call;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.io.InputStream;
import java.util.List;

/**
 * Apache HttpClient 5 classic, through {@code CloseableHttpClient.doExecute(target, request,
 * context)}, where every {@code execute} ends. A request body is read only from a repeatable
 * entity; a response is cached by reading its entity into a byte array entity, which the caller
 * then reads instead (and the connection goes back to the pool at once).
 */
final class ApacheClassicLibrary implements HttpLibrary {

  /** {@code doExecute(target, request, context)} of the library's own concrete clients. */
  @Override
  public List<WovenMethod> wovenMethods() {
    return List.of(
        new WovenMethod(
            () -> nameStartsWith(HttpTypeNames.APACHE_CLASSIC_PACKAGE)
                .and(not(isAbstract()))
                .and(superTypeNamed("org.apache.hc.client5.http.impl.classic.CloseableHttpClient")),
            () -> isMethod().and(named("doExecute")).and(not(isAbstract())).and(takesArguments(3)),
            false));
  }

  private static final String RESPONSE = "org.apache.hc.client5.http.impl.classic.CloseableHttpResponse";

  @Override
  public HttpRequestView request(Object client, Object[] arguments) throws Throwable {
    Object request = arguments[1];
    Object authority = call(request, "getAuthority");
    Object target = arguments[0];
    String host = (String) call(target != null ? target : authority, "getHostName");
    int port = (int) call(target != null ? target : authority, "getPort");
    String path = (String) call(request, "getPath");
    int query = path == null ? -1 : path.indexOf('?');
    return new HttpRequestView(
        (String) call(request, "getMethod"),
        host,
        port,
        path == null ? "" : query < 0 ? path : path.substring(0, query),
        body(call(request, "getEntity")));
  }

  @Override
  public Object send(Object client, Object[] arguments, int attempt) throws Throwable {
    return call(client, "doExecute", arguments);
  }

  @Override
  public int status(Object response) throws Throwable {
    return (int) call(response, "getCode");
  }

  @Override
  public String header(Object response, String name) throws Throwable {
    Object header = call(response, "getFirstHeader", name);
    return header == null ? null : (String) call(header, "getValue");
  }

  @Override
  public boolean bodyInMemory(Object response) {
    return false;
  }

  @Override
  public byte[] bufferedBody(Object response) throws Throwable {
    Object entity = call(response, "getEntity");
    if (entity == null) {
      return new byte[0];
    }
    byte[] bytes;
    try (InputStream in = (InputStream) call(entity, "getContent")) {
      bytes = in.readAllBytes();
    }
    call(response, "setEntity", byteEntity(response, bytes, (String) call(entity, "getContentType")));
    return bytes;
  }

  @Override
  public Object replay(Object prototype, byte[] body, Object client, Object[] arguments)
      throws Throwable {
    Class<?> basic = Reflection.type(prototype, "org.apache.hc.core5.http.message.BasicClassicHttpResponse");
    Object response =
        Reflection.construct(
            basic, new Class<?>[] {int.class, String.class},
            call(prototype, "getCode"), call(prototype, "getReasonPhrase"));
    call(response, "setHeaders", call(prototype, "getHeaders"));
    Object entity = call(prototype, "getEntity");
    call(response, "setEntity", byteEntity(prototype, body, entity == null ? null : (String) call(entity, "getContentType")));
    Class<?> closeable = Reflection.type(prototype, RESPONSE);
    Class<?> classic = Reflection.type(prototype, "org.apache.hc.core5.http.ClassicHttpResponse");
    return Reflection.callStatic(closeable, "adapt", new Class<?>[] {classic}, response);
  }

  @Override
  public Object fresh(String contentType, byte[] body, Object client, Object[] arguments)
      throws Throwable {
    Class<?> basic = Reflection.type(client, "org.apache.hc.core5.http.message.BasicClassicHttpResponse");
    Object response = Reflection.construct(basic, new Class<?>[] {int.class, String.class}, 200, "OK");
    if (contentType != null) {
      call(response, "setHeader", "Content-Type", contentType);
    }
    call(response, "setEntity", byteEntity(client, body, contentType));
    Class<?> closeable = Reflection.type(client, RESPONSE);
    Class<?> classic = Reflection.type(client, "org.apache.hc.core5.http.ClassicHttpResponse");
    return Reflection.callStatic(closeable, "adapt", new Class<?>[] {classic}, response);
  }

  @Override
  public void discard(Object response) {
    try {
      call(response, "close");
    } catch (Throwable ignored) {
      // the response is dropped either way
    }
  }

  private static Object byteEntity(Object libraryObject, byte[] bytes, String contentType)
      throws Throwable {
    Class<?> type = Reflection.type(libraryObject, "org.apache.hc.core5.http.ContentType");
    Object parsed =
        contentType == null
            ? null
            : Reflection.callStatic(type, "parse", new Class<?>[] {CharSequence.class}, contentType);
    Class<?> entity = Reflection.type(libraryObject, "org.apache.hc.core5.http.io.entity.ByteArrayEntity");
    return Reflection.construct(entity, new Class<?>[] {byte[].class, type}, bytes, parsed);
  }

  private static byte[] body(Object entity) throws Throwable {
    if (entity == null) {
      return new byte[0];
    }
    long length = (long) call(entity, "getContentLength");
    if (!(boolean) call(entity, "isRepeatable") || length > JdkHttpClientLibrary.MAX_BODY) {
      return null;
    }
    try (InputStream in = (InputStream) call(entity, "getContent")) {
      return in.readNBytes(JdkHttpClientLibrary.MAX_BODY);
    }
  }
}
