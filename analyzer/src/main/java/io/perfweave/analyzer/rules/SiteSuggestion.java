package io.perfweave.analyzer.rules;

import java.util.Map;

/**
 * A site for suggested-config.yaml: what a finding would have the agent weave.
 *
 * @param name the site's name
 * @param type the type to match
 * @param method the method to match
 * @param idempotent whether the site must be declared idempotent
 * @param cache cache keys (ttl, ...), empty for none
 * @param retry retry keys, empty for none
 */
public record SiteSuggestion(
    String name,
    String type,
    String method,
    boolean idempotent,
    Map<String, Object> cache,
    Map<String, Object> retry) {

  /** The type and method of a site's target, {@code Type#method}. */
  public static String[] split(String target) {
    int hash = target.indexOf('#');
    return hash < 0 ? new String[] {target, ""} : new String[] {target.substring(0, hash), target.substring(hash + 1)};
  }
}
