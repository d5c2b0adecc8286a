package io.perfweave.instrumentation.weaving;

import io.perfweave.bridge.Bridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Times a call of a method that returns a value and hands the bridge the value, for the event's
 * {@code resultHash} (a primitive boxed: sites with {@code resultHash: false} get {@link
 * TimingAdvice}, which does not).
 */
final class ValueTimingAdvice {

  private ValueTimingAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static long enter(@SiteId int site) {
    return Bridge.enter(site);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @SiteId int site,
      @Advice.Enter long startNanos,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
      @Advice.Thrown Throwable thrown,
      @Advice.Origin("#t\\##m") String target) {
    Bridge.exit(site, startNanos, returned, thrown, target);
  }
}
