package io.perfweave.instrumentation.config;

import java.util.List;

/**
 * The {@code http:} section: perfweave's built-in HTTP client call sites.
 *
 * @param enabled whether the built-in HTTP client sites are woven; default true
 * @param jsonRpcMethods per JSON-RPC method policies, in the order written (the first whose
 *     pattern matches a method applies)
 */
public record HttpConfig(boolean enabled, List<JsonRpcMethodConfig> jsonRpcMethods) {

  public HttpConfig {
    jsonRpcMethods = List.copyOf(jsonRpcMethods);
  }
}
