package io.perfweave.instrumentation.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class JsonRpcResultHashTest {

  @Test
  void sameResult_sameHash_whateverTheIdOrMemberOrder() {
    assertEquals(
        hash("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"a\":1,\"b\":\"0x2\"}}"),
        hash("{\"result\":{\"b\":\"0x2\",\"a\":1},\"id\":77,\"jsonrpc\":\"2.0\"}"));
  }

  @Test
  void theBlockOrSlotAValueWasReadAt_isNotPartOfItsHash() {
    assertEquals(
        hash("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"context\":{\"slot\":7},\"value\":{\"lamports\":5}}}"),
        hash("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"context\":{\"slot\":9},\"value\":{\"lamports\":5}}}"));
    assertEquals(
        hash("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"result\":[1,2],\"block_height\":10,\"block_hash\":\"a\"}}"),
        hash("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"result\":[1,2],\"block_height\":11,\"block_hash\":\"b\"}}"));
    assertNotEquals(
        hash("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"context\":{\"slot\":7},\"value\":{\"lamports\":5}}}"),
        hash("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"context\":{\"slot\":7},\"value\":{\"lamports\":6}}}"));
  }

  @Test
  void changedResult_otherHash() {
    assertNotEquals(hash("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10\"}"), hash("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x11\"}"));
  }

  @Test
  void batch_inAnyOrder_andNoHashWithAnError() {
    String a = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}";
    String b = "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":\"0x2\"}";
    String error = "{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32000,\"message\":\"x\"}}";
    assertEquals(hash("[" + a + "," + b + "]"), hash("[" + b + "," + a + "]"));
    assertEquals(0, hash("[" + a + "," + error + "]"));
    assertEquals(0, hash(error));
    assertEquals(0, hash("<html>502</html>"));
  }

  private static long hash(String body) {
    return JsonRpcResponses.resultHash(body.getBytes(StandardCharsets.UTF_8));
  }
}
