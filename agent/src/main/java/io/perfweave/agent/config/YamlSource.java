package io.perfweave.agent.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the YAML config file into a tree of plain values — maps in the order written, lists,
 * strings, and {@code Boolean} where YAML 1.1 reads a bare {@code true}/{@code on}/{@code yes} —
 * noting the line each key and list item stands on. SnakeYAML composes the document's nodes
 * (with their positions) and this turns them into values, refusing a key written twice.
 */
final class YamlSource {

  /** Deeper than any config has reason to be: a recursive alias stops here. */
  private static final int MAX_DEPTH = 32;

  private YamlSource() {}

  static Map<String, Object> read(Path file, Origins origins) throws ConfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException("config file " + file + " cannot be read: " + e);
    }
    Node document;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(10);
      // the composer alone, as Yaml.compose builds it, without the Yaml facade's constructors and
      // representers (about a hundred classes the start-up would load for nothing)
      document = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(), options)
          .getSingleNode();
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
      throw new ConfigException("config is not valid YAML: " + e.getProblem() + " (" + file + ":" + line + ")");
    } catch (YAMLException e) {
      throw new ConfigException("config is not valid YAML: " + firstLine(e.getMessage()) + " (" + file + ":1)");
    }
    if (document == null) {
      return new LinkedHashMap<>();
    }
    if (!(document instanceof MappingNode)) {
      throw new ConfigException("config must be a mapping of keys to values (" + file + ":1)");
    }
    return new Values(file, origins).mapping((MappingNode) document, "", 0);
  }

  /** The nodes of one file turned into values, their lines noted by JSON pointer. */
  private static final class Values {

    private final Path file;
    private final Origins origins;

    Values(Path file, Origins origins) {
      this.file = file;
      this.origins = origins;
    }

    Object value(Node node, String pointer, int depth) throws ConfigException {
      if (depth > MAX_DEPTH) {
        throw new ConfigException("config is nested more than " + MAX_DEPTH + " levels deep (" + where(node) + ")");
      }
      if (node instanceof MappingNode mapping) {
        return mapping(mapping, pointer, depth);
      }
      if (node instanceof SequenceNode sequence) {
        List<Object> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
          String itemPointer = pointer + "/" + items.size();
          origins.put(itemPointer, where(item));
          items.add(value(item, itemPointer, depth + 1));
        }
        return items;
      }
      return scalar((ScalarNode) node);
    }

    Map<String, Object> mapping(MappingNode mapping, String pointer, int depth) throws ConfigException {
      Map<String, Object> values = new LinkedHashMap<>();
      for (NodeTuple entry : mapping.getValue()) {
        if (!(entry.getKeyNode() instanceof ScalarNode key)) {
          throw new ConfigException("config keys must be single values (" + where(entry.getKeyNode()) + ")");
        }
        String name = key.getValue();
        if (values.containsKey(name)) {
          throw new ConfigException("config is not valid YAML: duplicate key " + name + " (" + where(key) + ")");
        }
        String keyPointer = pointer + "/" + name;
        origins.put(keyPointer, where(key));
        values.put(name, value(entry.getValueNode(), keyPointer, depth + 1));
      }
      return values;
    }

    /**
     * A scalar as YAML 1.1 resolved it: null, a Boolean, a number as plain decimal text (parsed
     * where it is read), or its text.
     */
    private static Object scalar(ScalarNode scalar) {
      Tag tag = scalar.getTag();
      if (tag.equals(Tag.NULL)) {
        return null;
      }
      if (tag.equals(Tag.BOOL)) {
        String word = scalar.getValue().toLowerCase(Locale.ROOT);
        return word.equals("true") || word.equals("yes") || word.equals("on") || word.equals("y");
      }
      if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
        return number(scalar.getValue());
      }
      return scalar.getValue();
    }

    /** YAML 1.1's ways of writing a number ({@code 1_000}, {@code +5}, {@code 0x1F}, {@code 0b101}) as decimal text. */
    static String number(String text) {
      String plain = text.replace("_", "");
      boolean negative = plain.startsWith("-");
      String digits = negative || plain.startsWith("+") ? plain.substring(1) : plain;
      try {
        if (digits.startsWith("0x")) {
          return (negative ? "-" : "") + Long.parseLong(digits.substring(2), 16);
        }
        if (digits.startsWith("0b")) {
          return (negative ? "-" : "") + Long.parseLong(digits.substring(2), 2);
        }
      } catch (NumberFormatException notThatForm) {
        return text;
      }
      return (negative ? "-" : "") + digits;
    }

    private String where(Node node) {
      return file + ":" + (node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1);
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
