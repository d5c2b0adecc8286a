package io.perfweave.instrumentation.policy;

/**
 * How many policy calls the current thread is inside. Only the outermost owns the call: inner
 * policy sites time, they neither cache nor retry again. A call keeps the depth it entered and
 * leaves it on the same thread, so that this thread's depth is looked up once per call.
 */
public final class CallDepth {

  private static final ThreadLocal<CallDepth> CURRENT = ThreadLocal.withInitial(CallDepth::new);

  private int depth;

  private CallDepth() {}

  /** Enters a policy call on this thread; the caller {@link #leave}s the depth returned. */
  public static CallDepth enter() {
    CallDepth current = CURRENT.get();
    current.depth++;
    return current;
  }

  /** Whether the current thread is inside a policy call. */
  public static boolean inside() {
    return CURRENT.get().depth > 0;
  }

  /** Whether the call that entered last is the outermost. */
  public boolean outermost() {
    return depth == 1;
  }

  /** Leaves the call entered last; called on the thread that entered it. */
  public void leave() {
    if (depth > 0) {
      depth--;
    }
  }
}
