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
 */
public record MatchConfig(
    String type, String subtypesOf, String method, List<String> params, boolean anyParams) {

  public MatchConfig {
    requireArgument(
        type.isEmpty() != subtypesOf.isEmpty(), "type or subtypesOf must be given, exactly one");
    requireArgument(!method.isEmpty(), "method must not be empty");
    params = List.copyOf(params);
  }
}
