package io.perfweave.agent;

import java.util.Locale;

/**
 * How long each phase of the agent's start-up took, printed on one line when
 * {@code -Dperfweave.internal.startupTimes=true} (for the start-up benchmark's analysis).
 */
final class StartupPhases {

  private final boolean print = Boolean.getBoolean("perfweave.internal.startupTimes");
  private final StringBuilder line = new StringBuilder("perfweave: start-up phases:");
  private long last = System.nanoTime();

  void done(String phase) {
    long now = System.nanoTime();
    line.append(String.format(Locale.ROOT, " %s %d ms", phase, (now - last) / 1_000_000));
    last = now;
  }

  void print() {
    if (print) {
      System.err.println(line);
    }
  }
}
