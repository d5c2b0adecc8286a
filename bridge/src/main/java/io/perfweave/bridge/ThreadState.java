package io.perfweave.bridge;

/**
 * What perfweave keeps for one thread, behind one thread-local so that a call looks its thread up
 * once: the bridge's re-entry flag and the runtime's own state (its policy calls).
 */
public final class ThreadState {

  /** Whether the thread is inside perfweave; only the bridge reads and writes it. */
  boolean inside;

  /**
   * The runtime's state of this thread, of a type the bootstrap class loader cannot name; only the
   * runtime reads and writes it, on this thread.
   */
  public Object runtime;

  ThreadState() {}
}
