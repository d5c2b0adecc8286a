package io.perfweave.instrumentation.weaving;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.perfweave.instrumentation.http.EntryPoint;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Which classes and methods each built-in HTTP entry point weaves. Library classes are matched
 * inside the library's own package only, so an application's own implementation of, say,
 * {@code okhttp3.Call} is left alone.
 */
final class HttpClientMatchers {

  static final String URL_CONNECTION = "sun.net.www.protocol.http.HttpURLConnection";

  private HttpClientMatchers() {}

  static ElementMatcher.Junction<TypeDescription> types(EntryPoint entry) {
    switch (entry) {
      case OKHTTP_EXECUTE:
        return nameStartsWith("okhttp3.").and(not(isInterface())).and(hasSuperType(named(entry.type())));
      case APACHE_EXECUTE:
        return nameStartsWith("org.apache.hc.client5.")
            .and(not(isAbstract()))
            .and(hasSuperType(named(entry.type())));
      default:
        return named(entry.type());
    }
  }

  static ElementMatcher.Junction<MethodDescription> methods(EntryPoint entry) {
    ElementMatcher.Junction<MethodDescription> named = isMethod().and(named(entry.method())).and(not(isAbstract()));
    switch (entry) {
      case JDK_SEND:
        return named.and(isPublic()).and(takesArguments(2));
      case JDK_SEND_ASYNC:
        return named.and(isPublic()).and(takesArguments(2).or(takesArguments(3)));
      case OKHTTP_EXECUTE:
        return named.and(takesArguments(0));
      default:
        return named.and(takesArguments(3));
    }
  }

  static ElementMatcher.Junction<MethodDescription> urlConnectionMethods() {
    return isMethod().and(named("getInputStream")).and(takesArguments(0));
  }
}
