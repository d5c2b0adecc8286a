package io.perfweave.instrumentation.events;

import io.perfweave.contract.Events;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** {@code perfweave.RpcCall} for sites with {@code stackTrace: false}. */
@Name(Events.RPC_CALL)
@Label("RPC Call")
@StackTrace(false)
public final class RpcCallNoStackEvent extends RpcCall {

  private static final VarHandle START_TIME = EventTimes.field(MethodHandles.lookup(), "startTime");
  private static final VarHandle DURATION = EventTimes.field(MethodHandles.lookup(), "duration");

  static boolean timesSettable() {
    return START_TIME != null && DURATION != null;
  }

  @Override
  public boolean stamp(long startNanos, long endNanos) {
    return EventTimes.stamp(this, START_TIME, DURATION, startNanos, endNanos);
  }
}
