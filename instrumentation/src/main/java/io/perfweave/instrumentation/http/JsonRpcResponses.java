package io.perfweave.instrumentation.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfweave.contract.JsonRpcDialects;
import io.perfweave.instrumentation.events.ResultHash;
import java.io.IOException;
import java.util.List;

/** Reading JSON-RPC response bodies: whether one may be cached, and serving it under new ids. */
final class JsonRpcResponses {

  private JsonRpcResponses() {}

  /**
   * Whether {@code body} answers every element of a call with a result: an error response (a
   * rate limit, a missing block) is never cached.
   */
  static boolean allResults(byte[] body, int elements) {
    try {
      JsonNode tree = JsonRpcCall.json().readTree(body);
      if (tree == null) {
        return false;
      }
      if (tree.isObject()) {
        return elements == 1 && isResult(tree);
      }
      if (!tree.isArray() || tree.size() != elements) {
        return false;
      }
      for (JsonNode item : tree) {
        if (!isResult(item)) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The cached response {@code body}, written for a call with ids {@code callerIds}: each id of
   * the call that filled the cache ({@code cachedIds}) is replaced by the caller's id at the same
   * position. A body that is not JSON (an error page shared with a call's waiters) has no ids and
   * is served as it is.
   */
  static byte[] withIds(byte[] body, List<JsonNode> cachedIds, List<JsonNode> callerIds)
      throws IOException {
    if (cachedIds.equals(callerIds)) {
      return body;
    }
    JsonNode tree;
    try {
      tree = JsonRpcCall.json().readTree(body);
    } catch (IOException notJson) {
      return body;
    }
    if (tree == null || !tree.isContainerNode()) {
      return body;
    }
    if (tree.isObject()) {
      ((ObjectNode) tree).set("id", callerIds.get(0));
    } else {
      for (JsonNode item : tree) {
        int position = cachedIds.indexOf(item.get("id"));
        if (position >= 0 && item.isObject()) {
          ((ObjectNode) item).set("id", callerIds.get(position));
        }
      }
    }
    return JsonRpcCall.json().writeValueAsBytes(tree);
  }

  /**
   * {@code resultHash} of a response: its elements' {@code result}s hashed as the params of a key
   * are (object members in any order), a batch's in any order; 0 when any element is an error or
   * the body is not JSON-RPC. Streams the body, building no tree.
   */
  static long resultHash(byte[] body) {
    try (JsonParser parser = JsonRpcCall.JSON_FACTORY.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_OBJECT) {
        long element = elementHash(parser);
        return element == 0 ? 0 : ResultHash.of(element);
      }
      if (first != JsonToken.START_ARRAY) {
        return 0;
      }
      long sum = 0;
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        long element = elementHash(parser);
        if (element == 0) {
          return 0;
        }
        sum += element;
      }
      return sum == 0 ? 0 : ResultHash.of(sum);
    } catch (IOException | RuntimeException notJson) {
      return 0;
    }
  }

  /** The hash of one response object's result, the parser on its START_OBJECT; 0 for none. */
  private static long elementHash(JsonParser parser) throws IOException {
    long hash = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("result")) {
        hash = JsonRpcCall.mix(resultValueHash(parser) + 1);
      } else if (field.equals("error") && value != JsonToken.VALUE_NULL) {
        return 0;
      } else {
        parser.skipChildren();
      }
    }
    return hash;
  }

  /**
   * The hash of a result, the parser on it: an object without its read-point members ({@link
   * JsonRpcDialects#READ_POINT_FIELDS}), so that an unchanged value read at a new block hashes alike.
   */
  private static long resultValueHash(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      return JsonRpcCall.hashValue(parser, new long[2]);
    }
    long sum = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      if (JsonRpcDialects.READ_POINT_FIELDS.contains(name)) {
        parser.skipChildren();
      } else {
        sum += JsonRpcCall.mix(name.hashCode() * 0x100000001B3L + JsonRpcCall.hashValue(parser, new long[2]));
      }
    }
    return JsonRpcCall.mix(sum);
  }

  private static boolean isResult(JsonNode response) {
    return response.isObject() && response.has("result") && !response.hasNonNull("error");
  }
}
