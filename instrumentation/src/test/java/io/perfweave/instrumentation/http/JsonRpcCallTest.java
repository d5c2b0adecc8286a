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
