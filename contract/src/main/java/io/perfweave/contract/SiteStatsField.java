package io.perfweave.contract;

import java.util.List;

/**
 * The fields of {@link Events#SITE_STATS}: one event per site and second in which some of its
 * calls had no {@code perfweave.RpcCall} of their own, counting those calls (0.3).
 */
public final class SiteStatsField {

  /** The site's name, as its calls' events name it. */
  public static final String SITE = "site";

  /**
   * The JSON-RPC method of a built-in HTTP site's calls counted here, or empty: such a site is
   * counted per method (a batch's calls with the site), as the analyzer models it.
   */
  public static final String RPC_METHOD = "rpcMethod";

  /** Calls without an event of their own in the second, every outcome. */
  public static final String UNRECORDED = "unrecorded";

  /** Of those, calls sent that returned normally, in one attempt. */
  public static final String SUCCESS = "success";

  /** Of those, calls the site's cache answered. */
  public static final String CACHE_HITS = "cacheHits";

  /** Of those, calls the shared cache answered. */
  public static final String L2_HITS = "l2Hits";

  /** Of those, calls sent where a cache in shadow mode would have answered. */
  public static final String SHADOW_HITS = "shadowHits";

  /** Of those, calls that waited for the same call in flight. */
  public static final String COALESCED = "coalesced";

  /**
   * Their latencies: an HdrHistogram (1 ns to 1 h, 2 significant digits) in its compressed
   * encoding, base64.
   */
  public static final String LATENCIES = "latencies";

  /** Every field, in the order README's recording contract lists them. */
  public static final List<String> ALL =
      List.of(SITE, RPC_METHOD, UNRECORDED, SUCCESS, CACHE_HITS, L2_HITS, SHADOW_HITS, COALESCED, LATENCIES);

  private SiteStatsField() {}
}
