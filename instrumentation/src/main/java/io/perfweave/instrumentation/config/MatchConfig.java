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
    params = List.copyOf(params);
  }
}
