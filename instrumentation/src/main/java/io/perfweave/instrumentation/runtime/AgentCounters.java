package io.perfweave.instrumentation.runtime;

import java.util.concurrent.atomic.AtomicLong;

/** Counts of what weaving did, read by the stats event and the exit summary. */
public final class AgentCounters {

  private final AtomicLong transformed = new AtomicLong();
  private final AtomicLong transformErrors = new AtomicLong();

  /** One class was woven. */
  public void transformed() {
    transformed.incrementAndGet();
  }

  /** One class could not be woven; returns true the first time, so the caller reports it once. */
  public boolean transformFailed() {
    return transformErrors.getAndIncrement() == 0;
  }

  public long transformedClasses() {
    return transformed.get();
  }

  public long transformErrors() {
    return transformErrors.get();
  }
}
