package io.perfweave.instrumentation.policy;

import io.perfweave.contract.CallSafety;

/**
 * One kind of call as the policy core sees it — a woven method, a request of an HTTP client
 * library: what its answer is, whether the answer may be kept, how another caller is served from
 * it. The core does the rest (cache, single-flight, retry) the same way for every kind.
 *
 * @param <A> what the cache and a call's waiters keep of a call's result
 */
public interface Exchange<A> {

  /**
   * What the cache and the call's waiters keep of a last attempt that did not throw, or null where
   * nothing can be kept (a response streamed to the caller): waiters then send their own call.
   */
  A answer(Attempt last) throws Throwable;

  /**
   * Why an answer of a successful attempt may not be stored (the answer's own checks of {@link
   * CallSafety#afterCall}), or null when it may.
   */
  CallSafety.Refusal refusal(Attempt last, A answer);

  /** What this caller gets from an answer that another call fetched. */
  Attempt serve(A answer) throws Throwable;

  /**
   * Whether {@link #serve} hands the kept answer over as it is, doing no work. A call served from
   * this JVM's cache then takes a fraction of a microsecond, below every figure perfweave reports,
   * and is recorded as ending when it began: a hit reads the clock once, not twice.
   */
  default boolean servesAsKept() {
    return false;
  }

  /** How long the server asked to wait before a retry (Retry-After), in ns; 0 where it did not. */
  long retryAfterNanos(Attempt failed);

  /**
   * {@code resultHash} of what a successful attempt returned ({@link
   * io.perfweave.instrumentation.events.ResultHash}), or 0 where it has none; may throw (a
   * value's own hashCode), which the core counts as 0.
   */
  long resultHash(Attempt succeeded) throws Throwable;

  /** Releases a failed attempt's value that no caller will get (a response before a retry). */
  void discard(Attempt failed);

  /**
   * The bytes another JVM rebuilds {@code answer} from ({@link #fromShared}), or null where it
   * cannot be shared (it then stays in this JVM's cache only).
   */
  default byte[] sharedBytes(A answer) throws Throwable {
    return null;
  }

  /**
   * An answer for the call of {@code key} rebuilt from bytes another JVM stored, or null where
   * this call cannot be answered from them (it is then sent); throws where they cannot be read.
   */
  default A fromShared(byte[] bytes, Object key) throws Throwable {
    return null;
  }
}
