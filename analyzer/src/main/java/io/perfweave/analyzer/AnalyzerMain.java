package io.perfweave.analyzer;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar perfweave-analyzer.jar analyze|compare ...} */
@Command(
    name = "perfweave-analyzer",
    mixinStandardHelpOptions = true,
    version = "perfweave-analyzer 0.1.0",
    description = "Turns perfweave, JDK and async-profiler recordings into ranked recommendations.",
    subcommands = {AnalyzeCommand.class, CompareCommand.class})
public final class AnalyzerMain implements Runnable {

  /** Exit code for input that cannot be used (or was only partly readable). */
  static final int BAD_INPUT = 2;

  @Override
  public void run() {
    new CommandLine(this).usage(System.err);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code, without exiting (for tests). */
  public static int execute(String... args) {
    CommandLine commandLine = new CommandLine(new AnalyzerMain());
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
          cmd.getErr().println("perfweave-analyzer: internal error: " + e);
          return 1;
        });
    return commandLine.execute(args);
  }
}
