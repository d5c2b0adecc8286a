package io.perfweave.instrumentation.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code http:} section: perfweave's built-in HTTP client call sites.
 *
 * @param enabled whether the built-in HTTP client sites are woven; default true
 * @param jsonRpcMethods per JSON-RPC method policies, in the order written (the first whose
 *     pattern matches a method applies)
 * @param redact patterns (regular expressions) of URL path segments never shown in site names,
 *     events and reports (each becomes {@code {redacted}}), besides the keys and tokens perfweave
 *     recognises by itself; default none
 */
public record HttpConfig(
    boolean enabled, List<JsonRpcMethodConfig> jsonRpcMethods, List<Pattern> redact) {

  public HttpConfig {
    jsonRpcMethods = List.copyOf(jsonRpcMethods);
    redact = List.copyOf(redact);
  }
}
