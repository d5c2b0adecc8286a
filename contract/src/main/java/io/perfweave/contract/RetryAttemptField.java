package io.perfweave.contract;

import java.util.List;

/** The fields of {@link Events#RETRY_ATTEMPT}. */
public final class RetryAttemptField {

  /** The site's name. */
  public static final String SITE = "site";

  /** The attempt that failed, 1 for the first call. */
  public static final String ATTEMPT = "attempt";

  /** How long that attempt took, in ns. */
  public static final String ATTEMPT_DURATION = "attemptDuration";

  /** The wait before the next attempt, in ns; 0 where none follows. */
  public static final String BACKOFF = "backoff";

  /** The exception's class name, or {@code HTTP <status>}. */
  public static final String ERROR = "error";

  /** One of {@link RetryDecision}. */
  public static final String DECISION = "decision";

  /**
   * The JSON-RPC method of a built-in HTTP site's call (its {@link RpcCallField#RPC_METHOD}), or
   * null. Added in 0.2, so that a decision is the method's, as the call's event is.
   */
  public static final String RPC_METHOD = "rpcMethod";

  /** Every field, in the order README's recording contract lists them. */
  public static final List<String> ALL =
      List.of(SITE, ATTEMPT, ATTEMPT_DURATION, BACKOFF, ERROR, DECISION, RPC_METHOD);

  /** Fields a recording of an older agent may lack; a reader must not require them. */
  public static final List<String> OPTIONAL = List.of(RPC_METHOD);

  private RetryAttemptField() {}
}
