package io.perfweave.instrumentation.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;

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

  @Label("Site")
  public String site;

  @Label("Target")
  public String target;

  @Label("RPC Method")
  public String rpcMethod;

  @Label("Outcome")
  public String outcome;

  @Label("Attempts")
  public int attempts;

  @Label("Error")
  public String error;

  @Label("Key Hash")
  public long keyHash;

  /** System.nanoTime() at the start of the call; transient, so not recorded. */
  public transient long startNanos;
}
