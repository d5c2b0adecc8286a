package io.perfweave.instrumentation.events;

import io.perfweave.contract.Events;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Registered;
import jdk.jfr.StackTrace;

/** {@code perfweave.RpcCall} for sites with {@code stackTrace: false}. */
@Name(Events.RPC_CALL)
@Label("RPC Call")
@Registered(false)
@StackTrace(false)
public final class RpcCallNoStackEvent extends RpcCall {

  static {
    PerfweaveEvents.initialised(RpcCallNoStackEvent.class);
  }
}
