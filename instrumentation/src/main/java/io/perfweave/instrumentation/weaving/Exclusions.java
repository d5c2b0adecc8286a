package io.perfweave.instrumentation.weaving;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Packages perfweave never weaves, and those it weaves only where a site names them. */
final class Exclusions {

  /** perfweave itself, the libraries it shades, and other agents. */
  private static final List<String> NEVER =
      List.of(
          "io.perfweave.",
          "net.bytebuddy.",
          "io.opentelemetry.",
          "co.elastic.apm.",
          "datadog.",
          "com.datadoghq.",
          "com.newrelic.",
          "com.dynatrace.",
          "com.appdynamics.",
          "org.glowroot.",
          "org.apache.skywalking.",
          "com.navercorp.pinpoint.",
          "one.profiler.");

  /** JDK internals: woven only by a site whose pattern names them. */
  static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

  private Exclusions() {}

  static ElementMatcher.Junction<TypeDescription> never() {
    ElementMatcher.Junction<TypeDescription> matcher = isSynthetic();
    for (String prefix : NEVER) {
      matcher = matcher.or(nameStartsWith(prefix));
    }
    return matcher;
  }

  static boolean isJdk(String name) {
    return JDK.stream().anyMatch(name::startsWith);
  }
}
