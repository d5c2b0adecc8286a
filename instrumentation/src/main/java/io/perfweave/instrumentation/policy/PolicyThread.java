package io.perfweave.instrumentation.policy;

import io.perfweave.bridge.Bridge;
import io.perfweave.bridge.ThreadState;

/**
 * A thread's state in policy calls: how many it is inside, and the start of the one it is
 * beginning. Only the outermost call owns the call: inner policy sites time, they neither cache
 * nor retry again. It is kept in the bridge's {@link ThreadState}, which the bridge has looked up
 * already for a woven call, and a call keeps the state it entered and leaves it on the same
 * thread, so that a woven call looks its thread up once before its cache does.
 */
public final class PolicyThread {

  private static final long NOT_BEGINNING = Long.MIN_VALUE;

  private int depth;
  private long beginningNanos = NOT_BEGINNING;

  private PolicyThread() {}

  /** Enters a policy call on this thread; the caller {@link #leave}s the state returned. */
  public static PolicyThread enter() {
    return enter(Bridge.thread());
  }

  /** {@link #enter} where the bridge has looked the thread up: {@code thread} is the caller's. */
  public static PolicyThread enter(ThreadState thread) {
    PolicyThread current = of(thread);
    current.depth++;
    return current;
  }

  /** Whether the current thread is inside a policy call. */
  public static boolean inside() {
    return of(Bridge.thread()).depth > 0;
  }

  /**
   * The time of a cache's ticker: while this thread begins a call ({@link #begin}), the call's
   * start, which it has read already; otherwise the clock. A cache hit reads the clock twice
   * instead of three times, and an entry written by the call is written at its start.
   */
  static long now(Clock clock) {
    long beginning = of(Bridge.thread()).beginningNanos;
    return beginning != NOT_BEGINNING ? beginning : clock.nanos();
  }

  private static PolicyThread of(ThreadState thread) {
    Object state = thread.runtime;
    if (state == null) {
      PolicyThread created = new PolicyThread();
      thread.runtime = created;
      return created;
    }
    return (PolicyThread) state;
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
