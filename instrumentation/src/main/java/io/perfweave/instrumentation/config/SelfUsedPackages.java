package io.perfweave.instrumentation.config;

import java.util.List;

/**
 * The JDK packages whose classes perfweave's own code calls while it records a call (strings,
 * boxes, collections, locks, clocks, JFR). A site in them would weave perfweave's own path: each
 * recorded call would record calls again, recursively. They are never sites.
 */
final class SelfUsedPackages {

  static final List<String> PACKAGES =
      List.of("java.lang.", "java.util.", "java.time.", "java.io.", "java.nio.", "jdk.jfr.",
          "jdk.internal.", "sun.misc.");

  /** A pattern must begin inside one of these to reach JDK classes at all. */
  private static final List<String> JDK_ROOTS = List.of("java.", "jdk.", "sun.");

  private SelfUsedPackages() {}

  /**
   * The self-used package that a type name, or a pattern beginning with {@code literalPrefix},
   * can reach; null where it reaches none. A pattern that does not begin inside the JDK never
   * matches JDK classes (SiteMatchers leaves them out).
   */
  static String reachedBy(String literalPrefix) {
    boolean insideJdk = JDK_ROOTS.stream().anyMatch(literalPrefix::startsWith);
    for (String selfUsed : PACKAGES) {
      if (literalPrefix.startsWith(selfUsed) || (insideJdk && selfUsed.startsWith(literalPrefix))) {
        return selfUsed;
      }
    }
    return null;
  }
}
