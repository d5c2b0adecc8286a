package io.perfweave.instrumentation.events;

import io.perfweave.contract.Events;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Registered;
import jdk.jfr.StackTrace;

/** {@code perfweave.RpcCall} with the caller's stack trace. */
@Name(Events.RPC_CALL)
@Label("RPC Call")
@Registered(false)
@StackTrace(true)
public final class RpcCallEvent extends RpcCall {

  static {
    PerfweaveEvents.initialised(RpcCallEvent.class);
  }
}
