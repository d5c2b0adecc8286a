package io.perfweave.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class AgentArgumentsTest {

  @Test
  void configPath_withACommaInIt_readsWhole() throws ConfigException {
    assertEquals(Map.of("config", "/etc/app,v2/perfweave.yaml"),
        AgentArguments.parse("config=/etc/app,v2/perfweave.yaml"));
  }

  @Test
  void unknownKey_namesItAndTheWholeArgument() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> AgentArguments.parse("confg=/a.yaml,x=1"));
    assertEquals(
        "agent argument 'confg=/a.yaml' is not known (in 'confg=/a.yaml,x=1'); use config=PATH"
            + " (-javaagent argument)",
        e.getMessage());
  }

  @Test
  void none_isEmpty() throws ConfigException {
    assertEquals(Map.of(), AgentArguments.parse(""));
    assertEquals(Map.of(), AgentArguments.parse(null));
  }
}
