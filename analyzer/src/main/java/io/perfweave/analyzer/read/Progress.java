package io.perfweave.analyzer.read;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Prints a line on stderr every two seconds while reading takes long; nothing for quick runs. */
final class Progress implements AutoCloseable {

  private final Thread ticker;

  private Progress(Thread ticker) {
    this.ticker = ticker;
  }

  static Progress start(PrintStream out, List<Path> files) {
    long bytes = files.stream().mapToLong(Progress::size).sum();
    long started = System.nanoTime();
    Thread ticker =
        new Thread(
            () -> {
              try {
                while (true) {
                  Thread.sleep(2000);
                  out.printf(
                      Locale.ROOT,
                      "perfweave-analyzer: reading %d file(s), %.1f MB, %.0f s so far%n",
                      files.size(),
                      bytes / 1e6,
                      (System.nanoTime() - started) / 1e9);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "perfweave-analyzer-progress");
    ticker.setDaemon(true);
    ticker.start();
    return new Progress(ticker);
  }

  @Override
  public void close() {
    ticker.interrupt();
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
