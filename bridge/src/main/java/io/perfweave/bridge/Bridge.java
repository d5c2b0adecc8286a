package io.perfweave.bridge;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The static entry points that inlined advice calls. This package is appended to the bootstrap
 * class path so that advice inlined into classes of any class loader, the JDK's included, can see
 * it; it must therefore use JDK types only, and nothing else in perfweave may be referenced here.
 */
public final class Bridge {

  /** What {@link #enter} returns for a call that is not timed. */
  public static final long NOT_TIMED = Long.MIN_VALUE;

  private static volatile Dispatcher dispatcher = NoDispatcher.INSTANCE;
  private static final AtomicLong adviceErrors = new AtomicLong();
  private static final AtomicBoolean claimed = new AtomicBoolean();
  private static volatile long testClockOffsetNanos;

  /**
   * Each thread's state. Its flag says whether the thread is inside perfweave: advice woven into
   * something perfweave itself calls (a value's hashCode, a request it sends through the
   * application's client) then does nothing, so perfweave never times, caches or retries its own
   * work, nor recurses into it.
   */
  private static final ThreadLocal<ThreadState> THREADS =
      new ThreadLocal<>() {
        @Override
        protected ThreadState initialValue() {
          return new ThreadState();
        }
      };

  private Bridge() {}

  /**
   * Claims this JVM for one perfweave agent: true for the first caller only. A second copy (a
   * second {@code -javaagent}, an attach into a JVM that runs perfweave) finds this bridge on the
   * bootstrap class path already claimed, and stays passive.
   */
  public static boolean claim() {
    return claimed.compareAndSet(false, true);
  }

  /**
   * Marks the calling thread as perfweave's own for the rest of its life (a meter exporter's
   * thread): advice woven into what it calls does nothing, so perfweave never records its own
   * requests.
   */
  public static void ownThisThread() {
    THREADS.get().inside = true;
  }

  /** The calling thread's state. */
  public static ThreadState thread() {
    return THREADS.get();
  }

  /** Installs the runtime that receives the calls; the agent calls this once. */
  public static void install(Dispatcher runtime) {
    dispatcher = runtime;
  }

  /**
   * Marks this thread as inside perfweave and returns its state, whose flag is cleared when done;
   * null when it is inside already.
   */
  private static ThreadState markInside() {
    ThreadState thread = THREADS.get();
    if (thread.inside) {
      return null;
    }
    thread.inside = true;
    return thread;
  }

  /**
   * Called on entry of a timed method: the call's start, or {@link #NOT_TIMED} while perfweave
   * itself is running. Starting a call runs nothing a site may weave, so the thread is only
   * checked, not marked.
   */
  public static long enter(int site) {
    if (THREADS.get().inside) {
      return NOT_TIMED;
    }
    return dispatcher.enter(site);
  }

  /**
   * Called on exit of a timed method, normal or exceptional; {@code returned} is its value where
   * the site hashes values, else null.
   *
   * <p>A timed start means this frame was entered outside perfweave, and the flag nests, so the
   * thread is outside perfweave here too. Only hashing a value runs the application's code (its
   * {@code hashCode}), and only then is the thread marked inside; timing alone runs only
   * perfweave's classes and the JDK packages no site may name (perfweave's {@code Exclusions}).
   */
  public static void exit(int site, long startNanos, Object returned, Throwable thrown, String target) {
    if (startNanos == NOT_TIMED) {
      return;
    }
    if (returned == null) {
      dispatcher.exit(site, startNanos, null, thrown, target);
      return;
    }
    ThreadState thread = markInside();
    if (thread == null) {
      return;
    }
    try {
      dispatcher.exit(site, startNanos, returned, thrown, target);
    } finally {
      thread.inside = false;
    }
  }

  /**
   * {@link #exit} for a method returning an integral primitive, hashed without boxing: no
   * application code runs, so the thread is not marked.
   */
  public static void exitLong(int site, long startNanos, long returned, Throwable thrown, String target) {
    if (startNanos != NOT_TIMED) {
      dispatcher.exitLong(site, startNanos, returned, thrown, target);
    }
  }

  /** Called on entry of a method with a cache or retry policy; null while perfweave runs. */
  public static Object enterPolicy(
      int site, Class<?> type, String method, Object receiver, Object[] arguments) {
    ThreadState thread = markInside();
    if (thread == null) {
      return null;
    }
    try {
      return dispatcher.enterPolicy(site, type, method, receiver, arguments, thread);
    } finally {
      thread.inside = false;
    }
  }

  /**
   * Called on each exit of a policy method; true means run the method again. A served call (a
   * hit, a coalesced call) is only counted and recorded on its way out, which runs no application
   * code, so the thread is not marked for it, as for timing.
   */
  public static boolean exitPolicy(
      int site, Object scope, Object returned, Throwable thrown, String target) {
    if (scope instanceof Served) {
      return dispatcher.exitPolicy(site, scope, returned, thrown, target);
    }
    ThreadState thread = scope == null ? null : markInside();
    if (thread == null) {
      return false;
    }
    try {
      return dispatcher.exitPolicy(site, scope, returned, thrown, target);
    } finally {
      thread.inside = false;
    }
  }

  /**
   * Called on entry of a built-in HTTP client's send method; null (the method runs untouched)
   * while perfweave runs, as when it sends a request of its own through the same client.
   */
  public static Object enterHttp(int client, Object receiver, Object[] arguments) {
    ThreadState thread = markInside();
    if (thread == null) {
      return null;
    }
    try {
      return dispatcher.enterHttp(client, receiver, arguments);
    } finally {
      thread.inside = false;
    }
  }

  /** Called on exit of a built-in HTTP client's send method. */
  public static void exitHttp(int client, Object scope, Object returned, Throwable thrown) {
    ThreadState thread = scope == null ? null : markInside();
    if (thread == null) {
      return;
    }
    try {
      dispatcher.exitHttp(client, scope, returned, thrown);
    } finally {
      thread.inside = false;
    }
  }

  /** Called when an HttpURLConnection is about to send its request and read the response. */
  public static Object enterUrlConnection(Object connection, Object poster) {
    ThreadState thread = markInside();
    if (thread == null) {
      return null;
    }
    try {
      return dispatcher.enterUrlConnection(connection, poster);
    } finally {
      thread.inside = false;
    }
  }

  /** Called when an HttpURLConnection has its response, or failed to get one. */
  public static void exitUrlConnection(Object scope, int status, Throwable thrown) {
    ThreadState thread = scope == null ? null : markInside();
    if (thread == null) {
      return;
    }
    try {
      dispatcher.exitUrlConnection(scope, status, thrown);
    } finally {
      thread.inside = false;
    }
  }

  /**
   * What the caller gets back: the served value where the policy answered with one, else its own
   * (also when it answers with a failure: a primitive return slot cannot take null).
   */
  public static Object returned(Object scope, Object returned) {
    if (scope instanceof PolicyScope) {
      PolicyScope policy = (PolicyScope) scope;
      return policy.replace && policy.failure == null ? policy.value : returned;
    }
    return returned;
  }

  /** What the caller gets thrown: the served failure where the policy answered, else its own. */
  public static Throwable thrown(Object scope, Throwable thrown) {
    return scope instanceof PolicyScope && ((PolicyScope) scope).replace
        ? ((PolicyScope) scope).failure
        : thrown;
  }

  /**
   * Moves the agent's clock forward, for tests of expiry and retry windows; takes effect only in a
   * JVM started with {@code -Dperfweave.internal.testClock=true}.
   */
  public static void advanceTestClock(long nanos) {
    testClockOffsetNanos += nanos;
  }

  /** How far {@link #advanceTestClock} has moved the clock. */
  public static long testClockOffsetNanos() {
    return testClockOffsetNanos;
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
