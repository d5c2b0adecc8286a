package io.perfweave.instrumentation.events;

import io.perfweave.contract.RpcCallField;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/**
 * The fields of {@code perfweave.RpcCall} ({@link io.perfweave.contract.Events#RPC_CALL}), one
 * event per call of an instrumented site; names and meanings are the contract module's. Two
 * concrete classes share the name, one with and one without a stack trace, because JFR decides
 * stack traces per event class and perfweave lets each site choose.
 */
@Category({"perfweave", "RPC"})
@Description("One call of an instrumented call site")
public abstract class RpcCall extends Event {

  @Name(RpcCallField.SITE)
  @Label("Site")
  public String site;

  @Name(RpcCallField.TARGET)
  @Label("Target")
  public String target;

  @Name(RpcCallField.RPC_METHOD)
  @Label("RPC Method")
  public String rpcMethod;

  @Name(RpcCallField.STATUS)
  @Label("HTTP Status")
  @Description("The HTTP status of the response, for the built-in HTTP client sites; 0 where none")
  public int status;

  @Name(RpcCallField.OUTCOME)
  @Label("Outcome")
  public String outcome;

  @Name(RpcCallField.IDEMPOTENT)
  @Label("Idempotent")
  @Description("Whether the site is declared idempotent (safe to cache and retry)")
  public boolean idempotent;

  @Name(RpcCallField.ATTEMPTS)
  @Label("Attempts")
  public int attempts;

  @Name(RpcCallField.ERROR)
  @Label("Error")
  public String error;

  @Name(RpcCallField.KEY_HASH)
  @Label("Key Hash")
  @Description("64-bit hash of the call's key (never the arguments); 0 where the call has none")
  public long keyHash;

  @Name(RpcCallField.CACHE_AGE)
  @Label("Cache Entry Age")
  @Description("For CACHE_HIT and SHADOW_HIT, how old the entry was")
  @Timespan(Timespan.NANOSECONDS)
  public long cacheAge;

  @Name(RpcCallField.RESULT_HASH)
  @Label("Result Hash")
  @Description("64-bit hash of the value returned (never the value); 0 where there is none")
  public long resultHash;

  @Name(RpcCallField.MOVING_BLOCK)
  @Label("Moving Block Tag")
  @Description("Whether the call read at a block tag that moves on (latest, pending, ...)")
  public boolean movingBlock;

  @Name(RpcCallField.TRACE_ID)
  @Label("Trace Id")
  @Description("The OpenTelemetry trace current when the call was made; null where none")
  public String traceId;

  @Name(RpcCallField.SPAN_ID)
  @Label("Span Id")
  @Description("The OpenTelemetry span current when the call was made; null where none")
  public String spanId;

  /** System.nanoTime() at the start of the call; transient, so not recorded. */
  public transient long startNanos;
}
