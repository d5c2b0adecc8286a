package io.perfweave.instrumentation.weaving;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Packages perfweave never weaves, those it weaves only where a site names them, and those no site
 * may name.
 */
public final class Exclusions {

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

  /**
   * The JDK packages whose classes perfweave's own code calls while it records a call (strings,
   * boxes, collections, locks, clocks, JFR). A site in them would weave perfweave's own path: each
   * recorded call would record calls again, recursively.
   */
  private static final List<String> SELF_USED =
      List.of("java.lang.", "java.util.", "java.time.", "java.io.", "java.nio.", "jdk.jfr.",
          "jdk.internal.", "sun.misc.");

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

  /**
   * The package perfweave itself calls that a type name, or a pattern beginning with {@code
   * literalPrefix}, can reach; null where it reaches none. A pattern that does not begin inside
   * the JDK never matches JDK classes (SiteMatchers leaves them out).
   */
  public static String selfUsedPackageReachedBy(String literalPrefix) {
    for (String selfUsed : SELF_USED) {
      if (literalPrefix.startsWith(selfUsed)
          || (isJdk(literalPrefix) && selfUsed.startsWith(literalPrefix))) {
        return selfUsed;
      }
    }
    return null;
  }
}
