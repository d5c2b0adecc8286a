package io.perfweave.instrumentation.events;

import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** {@code perfweave.RpcCall} for sites with {@code stackTrace: false}. */
@Name("perfweave.RpcCall")
@Label("RPC Call")
@StackTrace(false)
public final class RpcCallNoStackEvent extends RpcCall {}
