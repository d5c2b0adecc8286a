package io.perfweave.analyzer.rules;

import io.perfweave.analyzer.model.SiteModel;
import java.util.Map;

/**
 * A site for suggested-config.yaml: what a finding would have the agent weave.
 *
 * @param name the site's name
 * @param type the type to match ("" for a JSON-RPC method)
 * @param method the method to match, or the JSON-RPC method of a built-in HTTP site
 * @param idempotent whether the site must be declared idempotent
 * @param cache cache keys (ttl, ...), empty for none
 * @param retry retry keys, empty for none
 * @param jsonRpc whether this is an {@code http.jsonRpc.methods} entry rather than a site
 * @param cacheBlockTags whether a JSON-RPC method's reads at moving block tags are cached too
 */
public record SiteSuggestion(
    String name,
    String type,
    String method,
    boolean idempotent,
    Map<String, Object> cache,
    Map<String, Object> retry,
    boolean jsonRpc,
    boolean cacheBlockTags) {

  /** A site the agent weaves by type and method. */
  public SiteSuggestion(
      String name, String type, String method, boolean idempotent, Map<String, Object> cache,
      Map<String, Object> retry) {
    this(name, type, method, idempotent, cache, retry, false, false);
  }

  /**
   * What a finding proposes for {@code site}, which it found safe to cache or retry: a
   * {@code sites:} entry, or for a JSON-RPC method seen by the built-in HTTP sites, an
   * {@code http.jsonRpc.methods} entry.
   */
  public static SiteSuggestion forSite(SiteModel site, Map<String, Object> cache, Map<String, Object> retry) {
    return forSite(site, cache, retry, false);
  }

  /** {@link #forSite(SiteModel, Map, Map)}, caching a JSON-RPC method's moving-block reads too. */
  public static SiteSuggestion forSite(
      SiteModel site, Map<String, Object> cache, Map<String, Object> retry, boolean cacheBlockTags) {
    if (!site.jsonRpcMethod().isEmpty()) {
      return new SiteSuggestion(site.name(), "", site.jsonRpcMethod(), true, cache, retry, true, cacheBlockTags);
    }
    String[] target = split(site.mainTarget());
    return new SiteSuggestion(site.name(), target[0], target[1], true, cache, retry, false, false);
  }

  /** The type and method of a site's target, {@code Type#method}. */
  public static String[] split(String target) {
    int hash = target.indexOf('#');
    return hash < 0 ? new String[] {target, ""} : new String[] {target.substring(0, hash), target.substring(hash + 1)};
  }
}
