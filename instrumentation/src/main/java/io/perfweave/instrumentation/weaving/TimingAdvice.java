package io.perfweave.instrumentation.weaving;

import io.perfweave.bridge.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Times a call: inlined into each matched method, it only calls the bridge. For void methods, and
 * sites that do not hash values ({@link ValueTimingAdvice} does).
 */
final class TimingAdvice {

  private TimingAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static long enter(@SiteId int site) {
    return Bridge.enter(site);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @SiteId int site,
      @Advice.Enter long startNanos,
      @Advice.Thrown Throwable thrown,
      @Advice.Origin("#t\\##m") String target) {
    Bridge.exit(site, startNanos, null, thrown, target);
  }
}
