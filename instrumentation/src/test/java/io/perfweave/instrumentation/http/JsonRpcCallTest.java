package io.perfweave.instrumentation.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

final class JsonRpcCallTest {

  @Test
  void idIsNotPartOfTheKey_butKeyOrderOfParamsIsCanonical() {
    JsonRpcCall one = parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"params\":{\"a\":1,\"b\":[2,{\"y\":1,\"x\":2}]}}");
    JsonRpcCall two = parse("{\"id\":\"other\",\"params\":{\"b\":[2,{\"x\":2,\"y\":1}],\"a\":1},\"method\":\"m\",\"jsonrpc\":\"2.0\"}");

    assertEquals(one.key(), two.key());
    assertEquals(one.keyHash(), two.keyHash());
    assertNotEquals(one.ids(), two.ids());
  }

  @Test
  void differentParamsOrMethod_differentKeys() {
    String base = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"%s\",\"params\":[\"%s\"]}";
    assertNotEquals(parse(String.format(base, "m", "a")).key(), parse(String.format(base, "m", "b")).key());
    assertNotEquals(parse(String.format(base, "m", "a")).key(), parse(String.format(base, "n", "a")).key());
  }

  @Test
  void batch_methodsInOrder_andIds() {
    JsonRpcCall batch = parse("[{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"a\"},{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"b\",\"params\":[]}]");

    assertTrue(batch.batch());
    assertEquals("a,b", batch.methods());
    assertEquals("[7, 8]", batch.ids().toString());
    assertTrue(batch.expectsResponses());
  }

  @Test
  void notJsonRpc_isNull() {
    assertNull(parse("hello"));
    assertNull(parse("{\"method\":\"m\"}"));
    assertNull(parse("[]"));
    assertNull(parse("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\"}, 3]"));
    assertNull(JsonRpcCall.parse(null));
  }

  @Test
  void notification_expectsNoResponse() {
    assertFalse(parse("{\"jsonrpc\":\"2.0\",\"method\":\"m\"}").expectsResponses());
  }

  @Test
  void differentValues_orNesting_differentHashes() {
    String base = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"params\":%s}";
    assertNotEquals(parse(String.format(base, "{\"a\":1,\"b\":2}")).keyHash(), parse(String.format(base, "{\"a\":2,\"b\":1}")).keyHash());
    assertNotEquals(parse(String.format(base, "[1,2]")).keyHash(), parse(String.format(base, "[2,1]")).keyHash());
    assertNotEquals(parse(String.format(base, "[\"1\"]")).keyHash(), parse(String.format(base, "[1]")).keyHash());
    assertNotEquals(parse(String.format(base, "[[1],2]")).keyHash(), parse(String.format(base, "[1,[2]]")).keyHash());
  }

  @Test
  void blockTags_areMovingTargets_anywhereInParams() {
    assertTrue(element("[\"0xabc\",\"latest\"]").namesMovingTarget());
    assertTrue(element("[{\"blockTag\":\"finalized\"}]").namesMovingTarget());
    assertFalse(element("[\"0xabc\",\"0x10\"]").namesMovingTarget());
    assertFalse(element("{\"finality\":\"final\"}").namesMovingTarget());
  }

  @Test
  void cachedResponse_servedWithTheCallersIds_matchedByPosition() throws Exception {
    byte[] cached = bytes("[{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":\"b\"},{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"a\"}]");
    List<com.fasterxml.jackson.databind.JsonNode> cachedIds = parse("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\"},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"b\"}]").ids();
    List<com.fasterxml.jackson.databind.JsonNode> callerIds = parse("[{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"a\"},{\"jsonrpc\":\"2.0\",\"id\":\"y\",\"method\":\"b\"}]").ids();

    String served = new String(JsonRpcResponses.withIds(cached, cachedIds, callerIds), StandardCharsets.UTF_8);

    assertEquals("[{\"jsonrpc\":\"2.0\",\"id\":\"y\",\"result\":\"b\"},{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":\"a\"}]", served);
    assertArrayEquals(cached, JsonRpcResponses.withIds(cached, cachedIds, cachedIds));
  }

  @Test
  void onlyResults_areCacheable() {
    assertTrue(JsonRpcResponses.allResults(bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}"), 1));
    assertFalse(JsonRpcResponses.allResults(bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32005}}"), 1));
    assertFalse(JsonRpcResponses.allResults(bytes("[{\"id\":1,\"result\":1},{\"id\":2,\"error\":{}}]"), 2));
    assertFalse(JsonRpcResponses.allResults(bytes("[{\"id\":1,\"result\":1}]"), 2));
  }

  @Test
  void ids_areTheNodesATreeReadMakes_soTheyMatchResponseIds() throws Exception {
    for (String id : List.of("7", "2147483648", "123456789012345678901234567890", "\"a-b\"", "1.5", "true", "null")) {
      com.fasterxml.jackson.databind.JsonNode read = JsonRpcCall.json().readTree(id);
      com.fasterxml.jackson.databind.JsonNode got =
          parse("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"m\"}").ids().get(0);
      assertEquals(read, got, id);
      assertEquals(read.getClass(), got.getClass(), id);
    }
  }

  @Test
  void paramsHash_isTheHashOfEachValuesText_asBefore() throws Exception {
    String params = "[\"0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae\",{\"to\":\"0x1\",\"n\":[1,2.5,true,null,\"\u00e9\\n\"]},\"latest\"]";
    assertEquals(textHash(JsonRpcCall.json().readTree(params)), element(params).paramsHash());
    assertFalse(JsonRpcCall.parse(bytes("{\"jsonrpc\":\"2.00\",\"id\":1,\"method\":\"m\"}")) != null);
  }

  /** The params hash as it was defined on the values' text, written over a tree. */
  private static long textHash(com.fasterxml.jackson.databind.JsonNode node) {
    if (node.isObject()) {
      long sum = 0;
      for (var field : (Iterable<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) node::fields) {
        sum += JsonRpcCall.mix(field.getKey().hashCode() * 0x100000001B3L + textHash(field.getValue()));
      }
      return JsonRpcCall.mix(sum + node.size() * 0xC2B2AE3D27D4EB4FL);
    }
    if (node.isArray()) {
      long h = 0x165667B19E3779F9L;
      for (var item : node) {
        h = JsonRpcCall.mix(h * 31 + textHash(item));
      }
      return h;
    }
    return JsonRpcCall.mix(node.asToken().ordinal() * 0x9E3779B97F4A7C15L + text(node).hashCode());
  }

  private static String text(com.fasterxml.jackson.databind.JsonNode scalar) {
    return scalar.isTextual() ? scalar.textValue() : scalar.toString();
  }

  private static JsonRpcCall.Element element(String params) {
    return parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"params\":" + params + "}").elements().get(0);
  }

  private static JsonRpcCall parse(String json) {
    return JsonRpcCall.parse(bytes(json));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
