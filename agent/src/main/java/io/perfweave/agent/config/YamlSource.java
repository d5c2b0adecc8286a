package io.perfweave.agent.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the YAML config file into a tree, noting the line each key and list item stands on. */
final class YamlSource {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

  private YamlSource() {}

  static ObjectNode read(Path file, Origins origins) throws ConfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException("config file " + file + " cannot be read: " + e);
    }
    try {
      noteLines(text, file, origins);
      JsonNode tree = YAML.readTree(text);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return YAML.createObjectNode();
      }
      if (!tree.isObject()) {
        throw new ConfigException("config must be a mapping of keys to values (" + file + ":1)");
      }
      return (ObjectNode) tree;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : Math.max(1, at.getLineNr());
      throw new ConfigException(
          "config is not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("")
              + " (" + file + ":" + line + ")");
    } catch (IOException e) {
      throw new ConfigException("config file " + file + " cannot be read: " + e);
    }
  }

  private static void noteLines(String text, Path file, Origins origins) throws IOException {
    try (JsonParser parser = YAML.getFactory().createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        JsonStreamContext context = parser.getParsingContext();
        boolean listItem = token.isStructStart() && context.getParent() != null
            && context.getParent().inArray();
        boolean scalarListItem = token.isScalarValue() && context.inArray();
        if (token == JsonToken.FIELD_NAME || listItem || scalarListItem) {
          origins.put(
              context.pathAsPointer().toString(),
              file + ":" + parser.currentTokenLocation().getLineNr());
        }
      }
    }
  }
}
