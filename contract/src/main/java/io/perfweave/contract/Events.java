package io.perfweave.contract;

import java.util.List;

/**
 * The names of the JFR event types perfweave records. A recording from any agent version carries
 * these names; the analyzer reads events by them, never by perfweave's classes.
 */
public final class Events {

  /** One call of an instrumented site; fields in {@link RpcCallField}. */
  public static final String RPC_CALL = "perfweave.RpcCall";

  /** One failed attempt of a call with a retry policy; fields in {@link RetryAttemptField}. */
  public static final String RETRY_ATTEMPT = "perfweave.RetryAttempt";

  /** The agent's own health, every chunk and every 10 s; fields in {@link AgentStatsField}. */
  public static final String AGENT_STATS = "perfweave.AgentStats";

  /**
   * Each second, per site: the calls that got no {@link #RPC_CALL} of their own (beyond the
   * site's event budget); fields in {@link SiteStatsField}.
   */
  public static final String SITE_STATS = "perfweave.SiteStats";

  /** Every perfweave event type, in the order README's recording contract lists them. */
  public static final List<String> ALL = List.of(RPC_CALL, RETRY_ATTEMPT, AGENT_STATS, SITE_STATS);

  private Events() {}
}
