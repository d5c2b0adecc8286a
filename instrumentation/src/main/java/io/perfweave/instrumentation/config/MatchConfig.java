package io.perfweave.instrumentation.config;

import static io.perfweave.instrumentation.config.Checks.requireArgument;

import java.util.List;

/**
 * Which methods a site instruments.
 *
 * @param type a type's exact binary name or a glob ({@code *} within one package segment, {@code
 *     **} across segments), empty when {@code subtypesOf} is used
 * @param subtypesOf a class or interface whose subtypes and implementations are matched (itself
 *     included), empty when {@code type} is used
 * @param method a method name or glob
 * @param params the parameter types, by name ({@code java.lang.String}, {@code int}, {@code
 *     byte[]}); empty list = any parameters
 * @param anyParams true when {@code params} was not given
 * @param maxTypes the most types the site weaves; those it matches beyond are left alone, with
 *     one warning (a pattern wider than meant must not weave the world); default 200
 */
public record MatchConfig(
    String type,
    String subtypesOf,
    String method,
    List<String> params,
    boolean anyParams,
    int maxTypes) {

  /** The default of {@code maxTypes}. */
  public static final int DEFAULT_MAX_TYPES = 200;

  public MatchConfig {
    requireArgument(
        type.isEmpty() != subtypesOf.isEmpty(), "type or subtypesOf must be given, exactly one");
    requireArgument(!method.isEmpty(), "method must not be empty");
    requireArgument(maxTypes >= 1, "maxTypes must be at least 1, was %s", maxTypes);
    requireNotSelfUsed("type", literalPrefix(type));
    requireNotSelfUsed("subtypesOf", subtypesOf);
    params = List.copyOf(params);
  }

  private static void requireNotSelfUsed(String key, String name) {
    String selfUsed = name.isEmpty() ? null : SelfUsedPackages.reachedBy(name);
    requireArgument(
        selfUsed == null,
        "%s names %s, in %s, a JDK package perfweave itself calls while it records a call:"
            + " weaving it would recurse; name the application's own type instead",
        key, name.isEmpty() ? "" : name, selfUsed + "*");
  }

  /** The part of a type pattern before its first wildcard: the type itself when there is none. */
  private static String literalPrefix(String type) {
    int wildcard = type.length();
    for (char c : new char[] {'*', '?', '{'}) {
      int at = type.indexOf(c);
      if (at >= 0) {
        wildcard = Math.min(wildcard, at);
      }
    }
    return type.substring(0, wildcard);
  }
}
