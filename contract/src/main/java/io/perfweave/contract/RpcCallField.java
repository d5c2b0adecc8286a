package io.perfweave.contract;

import java.util.List;

/** The fields of {@link Events#RPC_CALL}; its duration is the event's own start and end. */
public final class RpcCallField {

  /** The site's name: a configured site, or {@code http:<host[:port]>/<route>}. */
  public static final String SITE = "site";

  /** {@code declaring.Type#method}, or {@code HTTP <verb> host/path}. */
  public static final String TARGET = "target";

  /** The JSON-RPC method (a batch: its methods in order, comma-separated), or null. */
  public static final String RPC_METHOD = "rpcMethod";

  /** The HTTP status of the response for the built-in HTTP sites; 0 where there is none. */
  public static final String STATUS = "status";

  /** One of {@link Outcome}. */
  public static final String OUTCOME = "outcome";

  /** Whether the call was declared idempotent (safe to cache and retry). Added in 0.1 (HTTP). */
  public static final String IDEMPOTENT = "idempotent";

  /** Attempts made; 1 = no retry. */
  public static final String ATTEMPTS = "attempts";

  /** The exception's class name, or {@code HTTP <status>}, for an {@link Outcome#ERROR}. */
  public static final String ERROR = "error";

  /**
   * A 64-bit hash of the call's key (a site's key arguments; a JSON-RPC call's method and
   * canonical params), never the arguments themselves; 0 where the call has no key (a site that is
   * neither cached nor idempotent, a request that is not JSON-RPC).
   */
  public static final String KEY_HASH = "keyHash";

  /** For {@link Outcome#CACHE_HIT} and {@link Outcome#SHADOW_HIT}: the entry's age, in ns. */
  public static final String CACHE_AGE = "cacheAge";

  /**
   * A 64-bit hash of the value the call returned (a JSON-RPC call: its elements' {@code result}s;
   * a woven site: the return value's own {@code hashCode} where its type defines equality), never
   * the value itself, keyed per process so that a guess cannot be checked against it; 0 where
   * there is none (a failure, a value without equality, a body of unknown length, a site with
   * {@code resultHash: false}). Added in 0.2: how often a key's value changed.
   */
  public static final String RESULT_HASH = "resultHash";

  /**
   * Whether the call read at a block tag that moves on ({@link CallSafety#MOVING_BLOCK_TAGS}),
   * which the agent caches only with {@code cacheBlockTags}. Added in 0.2.
   */
  public static final String MOVING_BLOCK = "movingBlock";

  /**
   * The trace id of the OpenTelemetry span that was current when the call was made, where the
   * OpenTelemetry Java agent runs beside perfweave; null where there was none. Added in 0.2.
   */
  public static final String TRACE_ID = "traceId";

  /** That span's id; null where there was none. Added in 0.2. */
  public static final String SPAN_ID = "spanId";

  /** Every field, in the order README's recording contract lists them. */
  public static final List<String> ALL =
      List.of(SITE, TARGET, RPC_METHOD, STATUS, OUTCOME, IDEMPOTENT, ATTEMPTS, ERROR, KEY_HASH, CACHE_AGE, RESULT_HASH,
          MOVING_BLOCK, TRACE_ID, SPAN_ID);

  /** Fields a recording of an older agent may lack; a reader must not require them. */
  public static final List<String> OPTIONAL = List.of(STATUS, IDEMPOTENT, CACHE_AGE, RESULT_HASH, MOVING_BLOCK, TRACE_ID, SPAN_ID);

  private RpcCallField() {}
}
