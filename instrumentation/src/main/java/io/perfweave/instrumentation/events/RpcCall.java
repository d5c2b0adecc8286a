package io.perfweave.instrumentation.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Timespan;

/**
 * The fields of {@code perfweave.RpcCall}, one event per call of an instrumented site (the recording
 * contract of DESIGN.md). Two concrete classes share the name, one with and one without a stack
 * trace, because JFR decides stack traces per event class and perfweave lets each site choose.
 */
@Category({"perfweave", "RPC"})
@Description("One call of an instrumented call site")
public abstract class RpcCall extends Event {

  /** The value of {@code outcome} for a call that returned normally. */
  public static final String SUCCESS = "SUCCESS";

  /** The value of {@code outcome} for a call that threw. */
  public static final String ERROR = "ERROR";

  /** The value of {@code outcome} for a call the cache answered. */
  public static final String CACHE_HIT = "CACHE_HIT";

  /** The value of {@code outcome} for a call that ran where a shadow cache would have answered. */
  public static final String SHADOW_HIT = "SHADOW_HIT";

  /** The value of {@code outcome} for a call that waited for the same call already in flight. */
  public static final String COALESCED = "COALESCED";

  @Label("Site")
  public String site;

  @Label("Target")
  public String target;

  @Label("RPC Method")
  public String rpcMethod;

  @Label("HTTP Status")
  @Description("The HTTP status of the response, for the built-in HTTP client sites; 0 where none")
  public int status;

  @Label("Outcome")
  public String outcome;

  @Label("Idempotent")
  @Description("Whether the site is declared idempotent (safe to cache and retry)")
  public boolean idempotent;

  @Label("Attempts")
  public int attempts;

  @Label("Error")
  public String error;

  @Label("Key Hash")
  @Description("64-bit hash of the cache key; 0 where the site has no cache")
  public long keyHash;

  @Label("Cache Entry Age")
  @Description("For CACHE_HIT and SHADOW_HIT, how old the entry was")
  @Timespan(Timespan.NANOSECONDS)
  public long cacheAge;

  /** System.nanoTime() at the start of the call; transient, so not recorded. */
  public transient long startNanos;
}
