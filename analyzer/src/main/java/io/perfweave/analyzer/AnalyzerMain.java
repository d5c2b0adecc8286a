package io.perfweave.analyzer;

import io.perfweave.analyzer.read.JitDirectives;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar perfweave-analyzer.jar analyze|compare ...} */
@Command(
    name = "perfweave-analyzer",
    mixinStandardHelpOptions = true,
    version = "perfweave-analyzer 0.1.0",
    description = "Turns perfweave, JDK and async-profiler recordings into ranked recommendations.",
    subcommands = {AnalyzeCommand.class, CompareCommand.class})
public final class AnalyzerMain implements Callable<Integer> {

  /** Exit code for input that cannot be used (or was only partly readable), and usage errors. */
  static final int BAD_INPUT = 2;

  /** Exit code when {@code --fail-on} or {@code --fail-on-regression} found what it looks for. */
  static final int FAILED_CHECK = 3;

  /** No command: the usage, as for any other usage error. */
  @Override
  public Integer call() {
    new CommandLine(this).usage(System.err);
    return BAD_INPUT;
  }

  public static void main(String[] args) {
    if (readsRecordings(args)) {
      JitDirectives.prepare();
    }
    System.exit(execute(args));
  }

  /**
   * Whether the command line reads recordings, so that reaching the JIT's diagnostic command
   * (50–150 ms) is worth starting beside the parsing; not for the usage, the version or a mistyped
   * command.
   */
  static boolean readsRecordings(String... args) {
    if (args.length == 0 || !(args[0].equals(commandName(AnalyzeCommand.class))
        || args[0].equals(commandName(CompareCommand.class)))) {
      return false;
    }
    for (String arg : args) {
      if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
        return false;
      }
    }
    return true;
  }

  private static String commandName(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  /** Runs the command line and returns the exit code, without exiting (for tests). */
  public static int execute(String... args) {
    CommandLine commandLine = new CommandLine(new AnalyzerMain()).setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
          cmd.getErr().println("perfweave-analyzer: internal error: " + e);
          return 1;
        });
    return commandLine.execute(args);
  }
}
