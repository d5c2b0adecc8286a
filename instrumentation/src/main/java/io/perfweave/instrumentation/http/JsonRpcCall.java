package io.perfweave.instrumentation.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A JSON-RPC 2.0 request body, single or batch: each element's method, params and id. The cache
 * key is the methods and the canonical form of their params (object keys sorted); the ids are
 * left out, so that two requests differing only in id share an entry.
 */
final class JsonRpcCall {

  /** Block tags that name a block which moves on: a read with one is not a fixed question. */
  private static final Set<String> MOVING_TARGETS = Set.of("latest", "pending", "safe", "finalized");
  static final ObjectMapper JSON = new ObjectMapper();

  /** One call of a request; {@code id} is null for a notification. */
  record Element(String method, JsonNode params, JsonNode id) {

    boolean namesMovingTarget() {
      return params != null && mentionsMovingTarget(params);
    }
  }

  private final List<Element> elements;
  private final boolean batch;
  private final String key;

  private JsonRpcCall(List<Element> elements, boolean batch) {
    this.elements = elements;
    this.batch = batch;
    this.key = canonicalKey(elements);
  }

  /** The call in {@code body}, or null when the body is not a JSON-RPC 2.0 request. */
  static JsonRpcCall parse(byte[] body) {
    if (body == null || !startsLikeJson(body)) {
      return null;
    }
    try {
      JsonNode tree = JSON.readTree(body);
      List<Element> elements = new ArrayList<>();
      if (tree.isArray() && !tree.isEmpty()) {
        for (JsonNode item : tree) {
          elements.add(element(item));
        }
      } else {
        elements.add(element(tree));
      }
      return elements.contains(null) ? null : new JsonRpcCall(elements, tree.isArray());
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

  /** The cache key: methods and canonical params, never the ids. */
  String key() {
    return key;
  }

  /** A 64-bit hash of {@link #key()} for {@code keyHash}. */
  long keyHash() {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < key.length(); i++) {
      h = (h ^ key.charAt(i)) * 0x100000001B3L;
    }
    return h ^ (h >>> 29);
  }

  /** The ids in order; a response to this call carries them. */
  List<JsonNode> ids() {
    List<JsonNode> ids = new ArrayList<>();
    for (Element element : elements) {
      ids.add(element.id());
    }
    return ids;
  }

  /** Whether every element expects a response (a notification has no id and gets none). */
  boolean expectsResponses() {
    return elements.stream().allMatch(e -> e.id() != null && !e.id().isNull());
  }

  private static Element element(JsonNode node) {
    if (!node.isObject() || !node.path("method").isTextual() || !"2.0".equals(node.path("jsonrpc").asText())) {
      return null;
    }
    JsonNode params = node.get("params");
    return new Element(node.get("method").asText(), params, node.get("id"));
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

  private static String canonicalKey(List<Element> elements) {
    StringBuilder key = new StringBuilder();
    for (Element element : elements) {
      key.append(element.method()).append(' ');
      key.append(element.params() == null ? "" : canonical(element.params()).toString()).append('\n');
    }
    return key.toString();
  }

  private static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      node.fields().forEachRemaining(field -> sorted.put(field.getKey(), canonical(field.getValue())));
      ObjectNode copy = JSON.createObjectNode();
      sorted.forEach(copy::set);
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(item -> copy.add(canonical(item)));
      return copy;
    }
    return node;
  }

  private static boolean mentionsMovingTarget(JsonNode node) {
    if (node.isTextual()) {
      return MOVING_TARGETS.contains(node.asText());
    }
    for (JsonNode child : node) {
      if (mentionsMovingTarget(child)) {
        return true;
      }
    }
    return false;
  }
}
