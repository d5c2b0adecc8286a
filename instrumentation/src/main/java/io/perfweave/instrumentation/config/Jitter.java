package io.perfweave.instrumentation.config;

/**
 * How a retry's backoff is randomised: {@code full} waits a random time in [0, backoff], {@code
 * equal} in [backoff/2, backoff], {@code none} exactly backoff.
 */
public enum Jitter {
  FULL,
  EQUAL,
  NONE
}
