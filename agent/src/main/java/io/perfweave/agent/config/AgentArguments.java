package io.perfweave.agent.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * The agent argument string, {@code key=value} pairs separated by commas (in the way of Caffeine's
 * spec strings). The one key today is {@code config}, the path of the YAML file; a piece without
 * {@code =} continues the value before it, so a path with a comma in it still reads whole.
 */
final class AgentArguments {

  private AgentArguments() {}

  static Map<String, String> parse(String arguments) throws ConfigException {
    Map<String, String> parsed = new TreeMap<>();
    if (arguments == null || arguments.isBlank()) {
      return parsed;
    }
    String last = null;
    for (String pair : arguments.split(",", -1)) {
      int equals = pair.indexOf('=');
      if (equals < 0 && last != null) {
        parsed.put(last, parsed.get(last) + "," + pair);
        continue;
      }
      String key = equals < 0 ? pair.trim() : pair.substring(0, equals).trim();
      if (!key.equals("config") || equals < 0) {
        String whole = pair.equals(arguments) ? "" : " (in '" + arguments + "')";
        throw new ConfigException(
            "agent argument '" + pair + "' is not known" + whole
                + "; use config=PATH (-javaagent argument)");
      }
      parsed.put(key, pair.substring(equals + 1).trim());
      last = key;
    }
    return parsed;
  }
}
