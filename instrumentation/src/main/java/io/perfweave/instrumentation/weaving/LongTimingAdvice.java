package io.perfweave.instrumentation.weaving;

import io.perfweave.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Times a call of a method returning {@code long}, {@code int}, {@code short}, {@code byte} or
 * {@code char}, and hands the bridge the value widened to a long: hashed without boxing.
 */
final class LongTimingAdvice {

  private LongTimingAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static long enter(@SiteId int site) {
    return Bridge.enter(site);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @SiteId int site,
      @Advice.Enter long startNanos,
      @Advice.Return long returned,
      @Advice.Thrown Throwable thrown,
      @Advice.Origin("#t\\##m") String target) {
    Bridge.exitLong(site, startNanos, returned, thrown, target);
  }
}
