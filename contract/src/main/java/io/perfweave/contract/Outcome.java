package io.perfweave.contract;

import java.util.List;

/** The values of {@link RpcCallField#OUTCOME}: how one call ended, as the application saw it. */
public final class Outcome {

  /** The call was sent and returned normally. */
  public static final String SUCCESS = "SUCCESS";

  /** The call failed: it threw, or answered with a failed status (5xx, 429). */
  public static final String ERROR = "ERROR";

  /** The cache answered; nothing was sent. */
  public static final String CACHE_HIT = "CACHE_HIT";

  /** The cache's shared level (Redis) answered, with what another JVM or an earlier run stored. */
  public static final String L2_HIT = "L2_HIT";

  /** The call was sent where a cache in shadow mode would have answered it. */
  public static final String SHADOW_HIT = "SHADOW_HIT";

  /** The call waited for the same call already in flight and got its result or failure. */
  public static final String COALESCED = "COALESCED";

  /** Every outcome, in the order README's recording contract lists them. */
  public static final List<String> ALL = List.of(SUCCESS, ERROR, CACHE_HIT, L2_HIT, SHADOW_HIT, COALESCED);

  private Outcome() {}

  /** Whether a call with this outcome reached the remote side (not answered here). */
  public static boolean sent(String outcome) {
    return !CACHE_HIT.equals(outcome) && !L2_HIT.equals(outcome) && !COALESCED.equals(outcome);
  }
}
