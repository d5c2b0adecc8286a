package io.perfweave.instrumentation.bridge;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The static entry points that inlined advice calls. This package is appended to the bootstrap
 * class path so that advice inlined into classes of any class loader, the JDK's included, can see
 * it; it must therefore use JDK types only, and nothing else in perfweave may be referenced here.
 */
public final class Bridge {

  private static volatile Dispatcher dispatcher = NoDispatcher.INSTANCE;
  private static final AtomicLong adviceErrors = new AtomicLong();

  private Bridge() {}

  /** Installs the runtime that receives the calls; the agent calls this once. */
  public static void install(Dispatcher runtime) {
    dispatcher = runtime;
  }

  /** Called on entry of an instrumented method. */
  public static Object enter(int site) {
    return dispatcher.enter(site);
  }

  /** Called on exit of an instrumented method, normal or exceptional. */
  public static void exit(int site, Object scope, Throwable thrown, String target) {
    dispatcher.exit(site, scope, thrown, target);
  }

  /**
   * Receives an exception thrown inside advice, which the advice suppressed so that the application
   * never sees it. Counted always, reported on stderr once.
   */
  public static void adviceError(Throwable error) {
    if (adviceErrors.getAndIncrement() == 0) {
      System.err.println(
          "perfweave: internal error in advice, suppressed and counted (reported once): "
              + error
              + firstFrame(error));
    }
  }

  /** Advice errors suppressed so far. */
  public static long adviceErrors() {
    return adviceErrors.get();
  }

  private static String firstFrame(Throwable error) {
    StackTraceElement[] frames = error.getStackTrace();
    return frames.length == 0 ? "" : " at " + frames[0];
  }
}
