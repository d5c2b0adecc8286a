package io.perfweave.agent.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * The agent argument string, {@code key=value} pairs separated by commas (in the way of Caffeine's
 * spec strings). The one key today is {@code config}, the path of the YAML file.
 */
final class AgentArguments {

  private AgentArguments() {}

  static Map<String, String> parse(String arguments) throws ConfigException {
    Map<String, String> parsed = new TreeMap<>();
    if (arguments == null || arguments.isBlank()) {
      return parsed;
    }
    for (String pair : arguments.split(",")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair.trim() : pair.substring(0, equals).trim();
      if (!key.equals("config") || equals < 0) {
        throw new ConfigException(
            "agent argument '" + pair + "' is not known; use config=PATH (-javaagent argument)");
      }
      parsed.put(key, pair.substring(equals + 1).trim());
    }
    return parsed;
  }
}
