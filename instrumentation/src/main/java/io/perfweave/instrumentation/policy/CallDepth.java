package io.perfweave.instrumentation.policy;

/**
 * How many policy calls the current thread is inside. Only the outermost owns the call: inner
 * policy sites time, they neither cache nor retry again.
 */
public final class CallDepth {

  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private CallDepth() {}

  /** Enters a policy call; true when it is the outermost. */
  public static boolean enter() {
    return DEPTH.get()[0]++ == 0;
  }

  /** Whether the current thread is inside a policy call. */
  public static boolean inside() {
    return DEPTH.get()[0] > 0;
  }

  public static void exit() {
    int[] depth = DEPTH.get();
    if (depth[0] > 0) {
      depth[0]--;
    }
  }
}
