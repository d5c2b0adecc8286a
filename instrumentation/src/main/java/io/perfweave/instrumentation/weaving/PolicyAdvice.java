package io.perfweave.instrumentation.weaving;

import io.perfweave.bridge.Bridge;
import io.perfweave.bridge.Served;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Caches, coalesces and retries a call: the enter advice may answer the call without running the
 * method; the exit advice may run it again (a retry) or replace what it returned or threw.
 */
final class PolicyAdvice {

  private PolicyAdvice() {}

  @Advice.OnMethodEnter(skipOn = Served.class, suppress = Throwable.class)
  static Object enter(
      @SiteId int site,
      @Advice.Origin Class<?> type,
      @Advice.Origin("#m#d") String method,
      @Advice.This(optional = true) Object receiver,
      @Advice.AllArguments Object[] arguments) {
    return Bridge.enterPolicy(site, type, method, receiver, arguments);
  }

  @Advice.OnMethodExit(
      onThrowable = Throwable.class,
      suppress = Throwable.class,
      repeatOn = Advice.OnNonDefaultValue.class)
  static boolean exit(
      @SiteId int site,
      @Advice.Enter Object scope,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
      @Advice.Thrown(readOnly = false) Throwable thrown,
      @Advice.Origin("#t\\##m") String target) {
    boolean again = Bridge.exitPolicy(site, scope, returned, thrown, target);
    returned = Bridge.returned(scope, returned);
    thrown = Bridge.thrown(scope, thrown);
    return again;
  }
}
