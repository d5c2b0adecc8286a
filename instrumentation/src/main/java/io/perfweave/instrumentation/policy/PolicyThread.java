package io.perfweave.instrumentation.policy;

/**
 * A thread's state in policy calls: how many it is inside, and the start of the one it is
 * beginning. Only the outermost call owns the call: inner policy sites time, they neither cache
 * nor retry again. A call keeps the state it entered and leaves it on the same thread, so that
 * the thread's state is looked up once per call.
 */
public final class PolicyThread {

  private static final long NOT_BEGINNING = Long.MIN_VALUE;
  private static final ThreadLocal<PolicyThread> CURRENT = ThreadLocal.withInitial(PolicyThread::new);

  private int depth;
  private long beginningNanos = NOT_BEGINNING;

  private PolicyThread() {}

  /** Enters a policy call on this thread; the caller {@link #leave}s the state returned. */
  public static PolicyThread enter() {
    PolicyThread current = CURRENT.get();
    current.depth++;
    return current;
  }

  /** Whether the current thread is inside a policy call. */
  public static boolean inside() {
    return CURRENT.get().depth > 0;
  }

  /**
   * The time of a cache's ticker: while this thread begins a call ({@link #begin}), the call's
   * start, which it has read already; otherwise the clock. A cache hit reads the clock twice
   * instead of three times, and an entry written by the call is written at its start.
   */
  static long now(Clock clock) {
    long beginning = CURRENT.get().beginningNanos;
    return beginning != NOT_BEGINNING ? beginning : clock.nanos();
  }

  /** Whether the call that entered last is the outermost. */
  public boolean outermost() {
    return depth == 1;
  }

  /**
   * Runs {@code run}'s {@link PolicyRun#begin} with the call's start as its caches' time: it runs
   * on this thread and does not wait.
   */
  public PolicyRun.Step begin(PolicyRun<?, ?> run) {
    beginningNanos = run.startNanos();
    try {
      return run.begin();
    } finally {
      beginningNanos = NOT_BEGINNING;
    }
  }

  /** Leaves the call entered last; called on the thread that entered it. */
  public void leave() {
    if (depth > 0) {
      depth--;
    }
  }
}
