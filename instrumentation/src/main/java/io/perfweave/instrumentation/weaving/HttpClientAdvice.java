package io.perfweave.instrumentation.weaving;

import io.perfweave.bridge.Bridge;
import io.perfweave.bridge.Served;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Around an HTTP client's send method: the runtime may answer the call itself (from the cache, or
 * by sending it with retries) and skip the method, or let it run and time it.
 */
final class HttpClientAdvice {

  private HttpClientAdvice() {}

  @Advice.OnMethodEnter(skipOn = Served.class, suppress = Throwable.class)
  static Object enter(
      @ClientId int client,
      @Advice.This Object receiver,
      @Advice.AllArguments Object[] arguments) {
    return Bridge.enterHttp(client, receiver, arguments);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @ClientId int client,
      @Advice.Enter Object scope,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
      @Advice.Thrown(readOnly = false) Throwable thrown) {
    Bridge.exitHttp(client, scope, returned, thrown);
    returned = Bridge.returned(scope, returned);
    thrown = Bridge.thrown(scope, thrown);
  }
}
