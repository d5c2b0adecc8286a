package io.perfweave.instrumentation.policy;

/**
 * How a call ended, as its flight holds it: the answer, or the failure its waiters get. Only a
 * {@code kept} one stays in the cache; the others are removed once the waiters have them.
 */
record Stored<A>(A answer, Throwable failure, long writtenNanos, boolean kept) {

  private static final Stored<Object> NOTHING = new Stored<>(null, null, 0, false);

  /** A flight that ended with nothing to share: its waiters send their own calls. */
  @SuppressWarnings("unchecked")
  static <A> Stored<A> nothing() {
    return (Stored<A>) NOTHING;
  }
}
