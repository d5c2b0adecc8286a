package io.perfweave.instrumentation.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
      JsonNode tree = JsonRpcCall.JSON.readTree(body);
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
      tree = JsonRpcCall.JSON.readTree(body);
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
    return JsonRpcCall.JSON.writeValueAsBytes(tree);
  }

  private static boolean isResult(JsonNode response) {
    return response.isObject() && response.has("result") && !response.hasNonNull("error");
  }
}
