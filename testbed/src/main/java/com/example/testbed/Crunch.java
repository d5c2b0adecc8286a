package com.example.testbed;

/** A CPU- and allocation-heavy method: the hot spot the profiling tests look for. */
public final class Crunch {

  private Crunch() {}

  public static long burn(long millis) {
    long end = System.nanoTime() + millis * 1_000_000L;
    long hash = 17;
    while (System.nanoTime() < end) {
      byte[] block = new byte[4096];
      for (int i = 0; i < block.length; i++) {
        block[i] = (byte) (hash >>> (i & 31));
        hash = hash * 31 + block[i];
      }
    }
    return hash;
  }
}
