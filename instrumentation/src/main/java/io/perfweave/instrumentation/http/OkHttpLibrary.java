package io.perfweave.instrumentation.http;

import static io.perfweave.instrumentation.weaving.SuperTypeNamed.superTypeNamed;
import static io.perfweave.instrumentation.http.Reflection.call;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.util.List;

/**
 * OkHttp 3, 4 and 5, through {@code Call.execute()}. A retry executes a clone of the call (a call
 * executes once); a request body is read only when its length is known, small, and the body is
 * not one-shot; a response is read through a peek at its source, which leaves the body to the caller
 * (not {@code peekBody}, which parses the Content-Type again and wraps the bytes in a body).
 */
final class OkHttpLibrary implements HttpLibrary {

  /** {@code Call.execute()} on OkHttp's own call classes, not an application's {@code Call}. */
  @Override
  public List<WovenMethod> wovenMethods() {
    return List.of(
        new WovenMethod(
            () -> nameStartsWith(HttpTypeNames.OKHTTP_PACKAGE).and(not(isInterface())).and(superTypeNamed("okhttp3.Call")),
            () -> isMethod().and(named("execute")).and(not(isAbstract())).and(takesArguments(0)),
            false));
  }

  @Override
  public HttpRequestView request(Object call, Object[] arguments) throws Throwable {
    Object request = call(call, "request");
    Object url = call(request, "url");
    String scheme = (String) call(url, "scheme");
    int port = (int) call(url, "port");
    boolean defaultPort = port == ("https".equals(scheme) ? 443 : 80);
    return new HttpRequestView(
        (String) call(request, "method"),
        (String) call(url, "host"),
        defaultPort ? -1 : port,
        (String) call(url, "encodedPath"),
        body(call(request, "body")));
  }

  @Override
  public Object send(Object call, Object[] arguments, int attempt) throws Throwable {
    return call(attempt == 1 ? call : call(call, "clone"), "execute");
  }

  @Override
  public int status(Object response) throws Throwable {
    return (int) call(response, "code");
  }

  @Override
  public String header(Object response, String name) throws Throwable {
    return (String) call(response, "header", name);
  }

  @Override
  public boolean bodyInMemory(Object response) {
    return false;
  }

  @Override
  public byte[] bufferedBody(Object response) throws Throwable {
    Object peeked;
    try {
      peeked = call(call(call(response, "body"), "source"), "peek");
    } catch (NoSuchMethodException okioBefore116) {
      // Okio before 1.16 (OkHttp 3.12 and older) has no peek: peekBody buffers the first megabyte
      return (byte[]) call(call(response, "peekBody", Long.valueOf(JdkHttpClientLibrary.MAX_BODY)), "bytes");
    }
    if ((boolean) call(peeked, "request", Long.valueOf(JdkHttpClientLibrary.MAX_BODY + 1L))) {
      return null; // larger than perfweave keeps: left whole to the caller
    }
    return (byte[]) call(peeked, "readByteArray");
  }

  @Override
  public Object replay(Object prototype, byte[] body, Object call, Object[] arguments) throws Throwable {
    Object mediaType = call(call(prototype, "body"), "contentType");
    Object builder = call(prototype, "newBuilder");
    call(builder, "request", call(call, "request"));
    call(builder, "body", responseBody(prototype, mediaType, body));
    return call(builder, "build");
  }

  @Override
  public Object fresh(String contentType, byte[] body, Object call, Object[] arguments)
      throws Throwable {
    Class<?> mediaTypeClass = Reflection.type(call, "okhttp3.MediaType");
    Object mediaType =
        contentType == null
            ? null
            : Reflection.callStatic(mediaTypeClass, "parse", new Class<?>[] {String.class}, contentType);
    Class<?> protocol = Reflection.type(call, "okhttp3.Protocol");
    Object builder = Reflection.construct(Reflection.type(call, "okhttp3.Response$Builder"), new Class<?>[0]);
    call(builder, "request", call(call, "request"));
    call(builder, "protocol", Reflection.callStatic(protocol, "valueOf", new Class<?>[] {String.class}, "HTTP_1_1"));
    call(builder, "code", 200);
    call(builder, "message", "OK");
    if (contentType != null) {
      call(builder, "header", "Content-Type", contentType);
    }
    call(builder, "body", responseBody(call, mediaType, body));
    return call(builder, "build");
  }

  /** {@code ResponseBody.create} of OkHttp 4 and 5 (bytes first) or 3 (media type first). */
  private static Object responseBody(Object libraryObject, Object mediaType, byte[] body) throws Throwable {
    Class<?> responseBody = Reflection.type(libraryObject, "okhttp3.ResponseBody");
    Class<?> mediaTypeClass = Reflection.type(libraryObject, "okhttp3.MediaType");
    try {
      return Reflection.callStatic(
          responseBody, "create", new Class<?>[] {byte[].class, mediaTypeClass}, body, mediaType);
    } catch (NoSuchMethodException okHttp3) {
      return Reflection.callStatic(
          responseBody, "create", new Class<?>[] {mediaTypeClass, byte[].class}, mediaType, body);
    }
  }

  @Override
  public void discard(Object response) {
    try {
      call(response, "close");
    } catch (Throwable ignored) {
      // the response is dropped either way
    }
  }

  private static byte[] body(Object body) throws Throwable {
    if (body == null) {
      return new byte[0];
    }
    long length = (long) call(body, "contentLength");
    if (length < 0 || length > JdkHttpClientLibrary.MAX_BODY || oneShot(body)) {
      return null;
    }
    Object buffer = Reflection.construct(Reflection.type(body, "okio.Buffer"), new Class<?>[0]);
    call(body, "writeTo", buffer);
    return (byte[]) call(buffer, "readByteArray");
  }

  private static boolean oneShot(Object body) {
    try {
      return (boolean) call(body, "isOneShot");
    } catch (Throwable olderThanOkHttp4) {
      return false;
    }
  }
}
