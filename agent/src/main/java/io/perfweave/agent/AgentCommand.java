package io.perfweave.agent;

import com.sun.tools.attach.VirtualMachine;
import io.perfweave.agent.config.ConfigException;
import io.perfweave.agent.config.ConfigLoader;
import io.perfweave.agent.config.PerfweaveConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The agent jar as a command: {@code java -jar perfweave-agent.jar attach PID [AGENT_ARGS]} loads
 * perfweave into a running JVM; {@code validate CONFIG} checks a perfweave.yaml without starting
 * an application. Exit 0, or 2 with one line for each thing that is wrong.
 */
public final class AgentCommand {

  static final int FAILED = 2;
  private static final String USAGE =
      "usage: java -jar perfweave-agent.jar attach PID [AGENT_ARGS]   load perfweave into a running JVM\n"
          + "       java -jar perfweave-agent.jar validate CONFIG           check a perfweave.yaml";

  private AgentCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.println(USAGE);
      return 0;
    }
    if (args.length >= 2 && args[0].equals("attach") && args.length <= 3) {
      return attach(args[1], args.length == 3 ? args[2] : "", out, err);
    }
    if (args.length == 2 && args[0].equals("validate")) {
      return validate(Path.of(args[1]), out, err);
    }
    err.println(USAGE);
    return FAILED;
  }

  private static int attach(String pid, String agentArguments, PrintStream out, PrintStream err) {
    try {
      Path jar = Path.of(AgentCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      VirtualMachine vm = VirtualMachine.attach(pid);
      try {
        vm.loadAgent(jar.toString(), agentArguments);
      } finally {
        vm.detach();
      }
      out.println("perfweave: attached to " + pid + "; its stderr has perfweave's own lines");
      return 0;
    } catch (Exception e) {
      err.println("perfweave: cannot attach to " + pid + ": " + e.getMessage());
      return FAILED;
    }
  }

  private static int validate(Path config, PrintStream out, PrintStream err) {
    if (!Files.isRegularFile(config)) {
      err.println("perfweave: " + config + " is not a file");
      return FAILED;
    }
    try {
      ConfigLoader loader = new ConfigLoader("config=" + config, Map.of(), Map.of());
      List<ConfigException> problems = loader.allProblems();
      if (!problems.isEmpty()) {
        problems.forEach(problem -> err.println("perfweave: config error: " + problem.getMessage()));
        return FAILED;
      }
      PerfweaveConfig loaded = loader.load();
      out.println("perfweave: " + config + " is valid: " + loaded.sites().size() + " site(s), "
          + loaded.http().jsonRpcMethods().size() + " JSON-RPC method entr"
          + (loaded.http().jsonRpcMethods().size() == 1 ? "y" : "ies"));
      return 0;
    } catch (ConfigException e) {
      err.println("perfweave: config error: " + e.getMessage());
      return FAILED;
    }
  }
}
