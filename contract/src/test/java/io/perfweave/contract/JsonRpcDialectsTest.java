package io.perfweave.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perfweave.contract.CallSafety.Refusal;
import io.perfweave.contract.JsonRpcDialects.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class JsonRpcDialectsTest {

  /* --- the catalogue --- */

  @Test
  void catalogue_knowsTheWritesOfEveryDialect() {
    for (String write :
        new String[] {"eth_sendRawTransaction", "eth_sendTransaction", "sendTransaction",
          "broadcast_tx_commit", "broadcast_tx_async", "send_tx", "sendrawtransaction"}) {
      assertTrue(JsonRpcDialects.isKnownWrite(write), write);
    }
  }

  @Test
  void catalogue_readsAreNotWrites() {
    for (String read :
        new String[] {"eth_blockNumber", "eth_getBalance", "getAccountInfo", "query",
          "getblockcount", "invokefunction"}) {
      assertTrue(JsonRpcDialects.isKnownRead(read), read);
      assertFalse(JsonRpcDialects.isKnownWrite(read), read);
    }
  }

  @Test
  void catalogue_namesTheBatchAlternative() {
    assertEquals(Optional.of("getMultipleAccounts"), JsonRpcDialects.of("getAccountInfo").get().batch());
    assertEquals(Kind.IMMUTABLE, JsonRpcDialects.of("eth_getTransactionByHash").get().kind());
    assertEquals(Kind.AT_BLOCK, JsonRpcDialects.of("eth_getBalance").get().kind());
  }

  @Test
  void catalogue_unknownMethod_isNeither() {
    assertTrue(JsonRpcDialects.of("myapp_frobnicate").isEmpty());
    assertFalse(JsonRpcDialects.isKnownWrite("myapp_frobnicate"));
    assertTrue(JsonRpcDialects.size() > 100);
  }

  /* --- call safety --- */

  @Test
  void idempotence_knownWriteByPattern_isRefused() {
    assertEquals(Refusal.KNOWN_WRITE, CallSafety.idempotence("eth_sendRawTransaction", true, false));
  }

  @Test
  void idempotence_knownWriteByExactName_isTheUsersChoice() {
    assertNull(CallSafety.idempotence("eth_sendRawTransaction", true, true));
  }

  @Test
  void idempotence_undeclared_isRefused() {
    assertEquals(Refusal.NOT_IDEMPOTENT, CallSafety.idempotence("eth_getBalance", false, true));
  }

  @Test
  void beforeCall_movingBlockTag_onlyWithCacheBlockTags() {
    assertEquals(Refusal.MOVING_BLOCK_TAG, CallSafety.beforeCall(null, false, true, false));
    assertNull(CallSafety.beforeCall(null, false, true, true));
    assertEquals(Refusal.NOTIFICATION, CallSafety.beforeCall(null, true, false, false));
  }

  @Test
  void afterCall_failuresErrorsStreamsAndNulls_areNotStored() {
    assertEquals(Refusal.FAILED, CallSafety.afterCall(true, false, false, false, false));
    assertEquals(Refusal.ERROR_RESPONSE, CallSafety.afterCall(false, true, false, false, false));
    assertEquals(Refusal.STREAMED_BODY, CallSafety.afterCall(false, false, false, false, true));
    assertEquals(Refusal.NULL_RESULT, CallSafety.afterCall(false, false, true, false, false));
    assertNull(CallSafety.afterCall(false, false, true, true, false));
    assertNull(CallSafety.afterCall(false, false, false, false, false));
  }
}
