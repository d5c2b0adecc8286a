package io.perfweave.agent;

/**
 * How long each phase of the agent's start-up took, printed on one line when
 * {@code -Dperfweave.internal.startupTimes=true} (for the start-up benchmark's analysis). Nothing
 * is formatted otherwise: {@code String.format} alone loads its formatter, locale data and regular
 * expressions on the application's start-up path.
 */
final class StartupPhases {

  private final boolean print = Boolean.getBoolean("perfweave.internal.startupTimes");
  private final StringBuilder line = new StringBuilder("perfweave: start-up phases:");
  private long last = System.nanoTime();

  void done(String phase) {
    if (!print) {
      return;
    }
    long now = System.nanoTime();
    line.append(' ').append(phase).append(' ').append((now - last) / 1_000_000).append(" ms");
    last = now;
  }

  void print() {
    if (print) {
      System.err.println(line);
    }
  }
}
