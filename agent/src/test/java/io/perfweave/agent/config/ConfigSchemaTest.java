package io.perfweave.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/perfweave.schema.json, the JSON Schema editors use for perfweave.yaml, kept in step with
 * the config reader: a config with every key is valid to both, every key of the schema is in it,
 * and a key neither knows is refused by both at every level.
 */
final class ConfigSchemaTest {

  private static final Path SCHEMA = Path.of("../docs/perfweave.schema.json");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  void everyKey_isValidToTheSchemaAndTheAgent() throws Exception {
    JsonNode everyKey = everyKey();
    assertEquals(List.of(), errors(everyKey));
    PerfweaveConfig config = load(everyKey);
    assertEquals(2, config.sites().size());
    assertTrue(config.metrics().jmx());
  }

  @Test
  void everyPropertyTheSchemaNames_isInTheEveryKeyConfig() throws Exception {
    Set<String> inSchema = new TreeSet<>();
    JSON.readTree(SCHEMA.toFile()).findParents("properties").forEach(
        parent -> parent.get("properties").fieldNames().forEachRemaining(inSchema::add));
    Set<String> inConfig = new TreeSet<>();
    collectKeys(everyKey(), inConfig);
    inSchema.removeAll(inConfig);
    assertEquals(Set.of(), inSchema, "keys of the schema the every-key config does not use");
  }

  @Test
  void anUnknownKey_refusedByBoth_atEveryLevel() throws Exception {
    List<String> levels = new ArrayList<>();
    JsonNode root = everyKey();
    for (Map.Entry<String, ObjectNode> level : mappingsByPath(root, "").entrySet()) {
      JsonNode withUnknown = root.deepCopy();
      ObjectNode target = (ObjectNode) withUnknown.at(level.getKey());
      target.put("colour", "blue");
      assertFalse(errors(withUnknown).isEmpty(), "the schema refuses 'colour' at " + level.getKey());
      ConfigException refused = assertThrows(ConfigException.class, () -> load(withUnknown));
      assertTrue(refused.getMessage().contains("colour"), refused.getMessage());
      levels.add(level.getKey());
    }
    assertTrue(levels.size() >= 15, "every mapping was tried: " + levels);
  }

  private static JsonNode everyKey() throws Exception {
    return YAML.readTree(ConfigSchemaTest.class.getResourceAsStream("/every-key.yaml"));
  }

  private static List<String> errors(JsonNode config) throws Exception {
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
    List<String> errors = new ArrayList<>();
    schema.validate(JSON.writeValueAsString(config), InputFormat.JSON).forEach(e -> errors.add(e.toString()));
    return errors;
  }

  private PerfweaveConfig load(JsonNode config) throws Exception {
    Path file = Files.createTempFile(work, "perfweave", ".yaml");
    YAML.writeValue(file.toFile(), config);
    return new ConfigLoader("config=" + file, Map.of(), Map.of()).load();
  }

  private static void collectKeys(JsonNode node, Set<String> keys) {
    node.fields().forEachRemaining(field -> {
      keys.add(field.getKey());
      collectKeys(field.getValue(), keys);
    });
    if (node.isArray()) {
      node.forEach(item -> collectKeys(item, keys));
    }
  }

  /**
   * Every mapping of the config by its JSON pointer, except the map of JSON-RPC method patterns,
   * whose keys are the user's (any name is a method).
   */
  private static Map<String, ObjectNode> mappingsByPath(JsonNode node, String pointer) {
    Map<String, ObjectNode> mappings = new LinkedHashMap<>();
    if (node.isObject()) {
      if (!pointer.endsWith("/jsonRpc/methods")) {
        mappings.put(pointer, (ObjectNode) node);
      }
      node.fields().forEachRemaining(f -> mappings.putAll(mappingsByPath(f.getValue(), pointer + "/" + f.getKey())));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        mappings.putAll(mappingsByPath(node.get(i), pointer + "/" + i));
      }
    }
    return mappings;
  }
}
