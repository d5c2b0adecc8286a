package com.example.portfolio.near;

import com.example.portfolio.rpc.JsonRpc;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** NEAR JSON-RPC as a contract client calls it: {@code query} for views, {@code broadcast_tx_commit} for calls. */
final class NearContractClient {

  private final JsonRpc rpc;
  private final String contract;

  NearContractClient(JsonRpc rpc, String contract) {
    this.rpc = rpc;
    this.contract = contract;
  }

  /** A view method of the contract, at the final block. */
  JsonNode view(String method, String argsJson) throws IOException, InterruptedException {
    ObjectNode params =
        JsonRpc.JSON.createObjectNode()
            .put("request_type", "call_function")
            .put("finality", "final")
            .put("account_id", contract)
            .put("method_name", method)
            .put("args_base64", Base64.getEncoder().encodeToString(argsJson.getBytes(StandardCharsets.UTF_8)));
    return rpc.call("query", params);
  }

  JsonNode account(String accountId) throws IOException, InterruptedException {
    ObjectNode params =
        JsonRpc.JSON.createObjectNode().put("request_type", "view_account").put("finality", "final").put("account_id", accountId);
    return rpc.call("query", params);
  }

  /** Signs (here: encodes) and sends a vote, waiting for its execution. */
  JsonNode vote(int proposal, int nonce) throws IOException, InterruptedException {
    String signed = Base64.getEncoder().encodeToString(("vote:" + contract + ":" + proposal + ":" + nonce).getBytes(StandardCharsets.UTF_8));
    return rpc.call("broadcast_tx_commit", JsonRpc.array(signed));
  }
}
