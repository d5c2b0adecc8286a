package io.perfweave.instrumentation.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfweave.contract.CallSafety;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A JSON-RPC 2.0 request body, single or batch: each element's method, params and id, read in one
 * streaming pass (this runs on every HTTP call, so no tree is built): the params are hashed as
 * they are read, object members in any order alike. The cache key, the methods and the canonical
 * form of their params (object keys sorted), is built only for calls that may be cached; the ids
 * are left out of both, so that two requests differing only in id share an entry.
 */
final class JsonRpcCall {

  /** Block tags that name a block which moves on: a read with one is not a fixed question. */
  private static final Set<String> MOVING_TARGETS = CallSafety.MOVING_BLOCK_TAGS;
  private static final int LONGEST_MOVING_TARGET =
      MOVING_TARGETS.stream().mapToInt(String::length).max().orElse(0);
  /** Streaming reads, which every HTTP call makes: Jackson's core alone. */
  static final JsonFactory JSON_FACTORY = new JsonFactory();

  /** One call of a request; {@code id} is null for a notification. */
  record Element(String method, long paramsHash, boolean namesMovingTarget, JsonNode id) {

    /** Whether the element is a notification: it has no id and gets no response. */
    boolean notification() {
      return id == null || id.isNull();
    }
  }

  /**
   * Trees, which only cached calls and the shared level use: databind's {@code ObjectMapper} is
   * ~250 classes and a quarter of a second on a cold JVM, so it is made at its first use, not on an
   * application's first HTTP call.
   */
  static ObjectMapper json() {
    return Trees.MAPPER;
  }

  private static final class Trees {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final byte[] body;
  private final List<Element> elements;
  private final boolean batch;
  private String key;

  private JsonRpcCall(byte[] body, List<Element> elements, boolean batch) {
    this.body = body;
    this.elements = elements;
    this.batch = batch;
  }

  /** The call in {@code body}, or null when the body is not a JSON-RPC 2.0 request. */
  static JsonRpcCall parse(byte[] body) {
    if (body == null || !startsLikeJson(body)) {
      return null;
    }
    try (JsonParser parser = JSON_FACTORY.createParser(body)) {
      JsonToken first = parser.nextToken();
      List<Element> elements = new ArrayList<>();
      if (first == JsonToken.START_ARRAY) {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          elements.add(element(parser));
        }
        if (parser.currentToken() != JsonToken.END_ARRAY || elements.isEmpty()) {
          return null;
        }
      } else if (first == JsonToken.START_OBJECT) {
        elements.add(element(parser));
      }
      return elements.isEmpty() || elements.contains(null)
          ? null
          : new JsonRpcCall(body, elements, first == JsonToken.START_ARRAY);
    } catch (IOException e) {
      return null;
    }
  }

  List<Element> elements() {
    return elements;
  }

  boolean batch() {
    return batch;
  }

  /** The methods, comma-separated for a batch, for {@code rpcMethod}. */
  String methods() {
    if (!batch) {
      return elements.get(0).method();
    }
    StringBuilder methods = new StringBuilder();
    for (Element element : elements) {
      methods.append(methods.length() == 0 ? "" : ",").append(element.method());
    }
    return methods.toString();
  }

  /** The cache key: methods and canonical params, never the ids. Built on first use. */
  String key() {
    if (key == null) {
      key = canonicalKey();
    }
    return key;
  }

  /** A 64-bit hash of the methods and params for {@code keyHash}; ids left out. */
  long keyHash() {
    long h = 0x9E3779B97F4A7C15L;
    for (Element element : elements) {
      h = mix(h * 31 + element.method().hashCode());
      h = mix(h * 31 + element.paramsHash());
    }
    return h;
  }

  /** The ids in order; a response to this call carries them. */
  List<JsonNode> ids() {
    List<JsonNode> ids = new ArrayList<>();
    for (Element element : elements) {
      ids.add(element.id());
    }
    return ids;
  }

  /** Whether an element reads at a block tag that moves on ({@code latest}, ...). */
  boolean namesMovingBlock() {
    for (Element element : elements) {
      if (element.namesMovingTarget()) {
        return true;
      }
    }
    return false;
  }

  /** Whether every element expects a response (a notification has no id and gets none). */
  boolean expectsResponses() {
    for (Element element : elements) {
      if (element.notification()) {
        return false;
      }
    }
    return true;
  }

  /** Reads one request object, the parser on its START_OBJECT; null when it is not JSON-RPC 2.0. */
  private static Element element(JsonParser parser) throws IOException {
    boolean version2 = false;
    String method = null;
    JsonNode id = null;
    long[] params = {0, 0}; // hash, moving target
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "jsonrpc":
          version2 = value == JsonToken.VALUE_STRING && textIs(parser, "2.0");
          break;
        case "method":
          method = value == JsonToken.VALUE_STRING ? parser.getText() : null;
          break;
        case "id":
          id = value.isScalarValue() ? scalar(parser, value) : null;
          break;
        case "params":
          params[0] = hashValue(parser, params);
          break;
        default:
          parser.skipChildren();
      }
    }
    return version2 && method != null
        ? new Element(method, params[0], params[1] != 0, id)
        : null;
  }

  /**
   * A hash of the value the parser is on, consuming it: arrays in order, object members in any
   * order (summed), strings and numbers by their text. Notes a block tag in {@code state[1]}.
   */
  static long hashValue(JsonParser parser, long[] state) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      long sum = 0;
      int members = 0;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        long name = parser.currentName().hashCode();
        parser.nextToken();
        sum += mix(name * 0x100000001B3L + hashValue(parser, state));
        members++;
      }
      return mix(sum + members * 0xC2B2AE3D27D4EB4FL);
    }
    if (token == JsonToken.START_ARRAY) {
      long h = 0x165667B19E3779F9L;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        h = mix(h * 31 + hashValue(parser, state));
      }
      return h;
    }
    if (token == JsonToken.VALUE_STRING
        && parser.getTextLength() <= LONGEST_MOVING_TARGET
        && MOVING_TARGETS.contains(parser.getText())) {
      state[1] = 1;
    }
    return mix(token.ordinal() * 0x9E3779B97F4A7C15L + textHash(parser));
  }

  /** {@code parser.getText().hashCode()}, computed on the parser's buffer without a String. */
  private static int textHash(JsonParser parser) throws IOException {
    char[] text = parser.getTextCharacters();
    int end = parser.getTextOffset() + parser.getTextLength();
    int h = 0;
    for (int i = parser.getTextOffset(); i < end; i++) {
      h = 31 * h + text[i];
    }
    return h;
  }

  private static boolean textIs(JsonParser parser, String expected) throws IOException {
    if (parser.getTextLength() != expected.length()) {
      return false;
    }
    char[] text = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    for (int i = 0; i < expected.length(); i++) {
      if (text[offset + i] != expected.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The scalar id the parser is on, as the node {@code readTree} makes of it (an id is compared
   * with the ids of responses read as trees), without databind's per-call set-up; a fraction, rare
   * as an id, goes through {@code readTree}.
   */
  private static JsonNode scalar(JsonParser parser, JsonToken value) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (value) {
      case VALUE_STRING:
        return nodes.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return nodes.numberNode(parser.getIntValue());
          case LONG:
            return nodes.numberNode(parser.getLongValue());
          default:
            return nodes.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_TRUE:
      case VALUE_FALSE:
        return nodes.booleanNode(value == JsonToken.VALUE_TRUE);
      case VALUE_NULL:
        return nodes.nullNode();
      default:
        return json().readTree(parser);
    }
  }

  private String canonicalKey() {
    try {
      JsonNode tree = json().readTree(body);
      StringBuilder key = new StringBuilder();
      for (JsonNode element : tree.isArray() ? tree : json().createArrayNode().add(tree)) {
        JsonNode params = element.get("params");
        key.append(element.get("method").asText()).append(' ');
        key.append(params == null ? "" : canonical(params).toString()).append('\n');
      }
      return key.toString();
    } catch (IOException e) {
      throw new IllegalStateException("a body read once could not be read again", e);
    }
  }

  private static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      node.fields().forEachRemaining(field -> sorted.put(field.getKey(), canonical(field.getValue())));
      ObjectNode copy = json().createObjectNode();
      sorted.forEach(copy::set);
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = json().createArrayNode();
      node.forEach(item -> copy.add(canonical(item)));
      return copy;
    }
    return node;
  }

  private static boolean startsLikeJson(byte[] body) {
    for (byte b : body) {
      if (b == '{' || b == '[') {
        return true;
      }
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return false;
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
