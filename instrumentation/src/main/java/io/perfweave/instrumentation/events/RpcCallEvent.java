package io.perfweave.instrumentation.events;

import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** {@code perfweave.RpcCall} with the caller's stack trace. */
@Name("perfweave.RpcCall")
@Label("RPC Call")
@StackTrace(true)
public final class RpcCallEvent extends RpcCall {}
