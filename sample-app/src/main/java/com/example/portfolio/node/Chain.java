package com.example.portfolio.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The answers of the simulated chain, in the dialects of the seed systems: NEAR ({@code query},
 * {@code block}, {@code broadcast_tx_commit}), Neo N3 ({@code getblockcount},
 * {@code invokefunction}, {@code getnep17balances}, {@code sendrawtransaction}), a Solana-style
 * agent protocol ({@code getAccountInfo}, {@code getMultipleAccounts}, {@code getSlot},
 * {@code sendTransaction}) and an exchange's REST prices. Every answer is a function of its
 * params and the block height, which advances every {@code blockMillis}.
 */
final class Chain {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final long started = System.nanoTime();
  private final long blockMillis;
  private long transactions;

  Chain(long blockMillis) {
    this.blockMillis = blockMillis;
  }

  long height() {
    return 1_000 + (System.nanoTime() - started) / 1_000_000 / blockMillis;
  }

  /** The result of a JSON-RPC call, or null for an unknown method. */
  JsonNode answer(String method, JsonNode params) {
    switch (method) {
      case "query":
        return query(params);
      case "block":
        return JSON.createObjectNode().set("header", JSON.createObjectNode().put("height", height()));
      case "getblockcount":
      case "getSlot":
        return JSON.getNodeFactory().numberNode(height());
      case "invokefunction":
        return invoke(params);
      case "getnep17balances":
        return nep17(params.path(0).asText());
      case "getAccountInfo":
        return JSON.createObjectNode().<ObjectNode>set("context", slot()).set("value", account(params.path(0).asText()));
      case "getMultipleAccounts":
        ArrayNode accounts = JSON.createArrayNode();
        params.path(0).forEach(key -> accounts.add(account(key.asText())));
        return JSON.createObjectNode().<ObjectNode>set("context", slot()).set("value", accounts);
      case "broadcast_tx_commit":
        return JSON.createObjectNode().put("final_execution_status", "FINAL").put("hash", nextHash());
      case "sendrawtransaction":
        return JSON.createObjectNode().put("hash", nextHash());
      case "sendTransaction":
        return JSON.getNodeFactory().textNode(nextHash());
      default:
        return null;
    }
  }

  /** GET /api/v3/ticker/price?symbol=S */
  JsonNode price(String symbol) {
    return JSON.createObjectNode().put("symbol", symbol).put("price", String.format("%.2f", price(symbol, height())));
  }

  /** GET /api/v3/klines?symbol=S&limit=N: N candles, oldest first. */
  JsonNode klines(String symbol, int limit) {
    ArrayNode candles = JSON.createArrayNode();
    long now = height();
    for (long block = now - limit + 1; block <= now; block++) {
      double close = price(symbol, block);
      candles.add(JSON.createArrayNode().add(block).add(close * 0.999).add(close * 1.004).add(close * 0.995).add(close));
    }
    return candles;
  }

  private JsonNode query(JsonNode params) {
    String request = params.path("request_type").asText();
    ObjectNode result = JSON.createObjectNode().put("block_height", height());
    if (request.equals("view_account")) {
      return result.put("amount", Long.toString(value(params.path("account_id").asText()) * 1_000_000L)).put("storage_usage", 182);
    }
    String view = params.path("method_name").asText() + params.path("args_base64").asText();
    byte[] bytes = ("{\"value\":" + value(view) + "}").getBytes(StandardCharsets.UTF_8);
    ArrayNode raw = result.putArray("result");
    for (byte b : bytes) {
      raw.add(b);
    }
    return result;
  }

  private JsonNode invoke(JsonNode params) {
    ObjectNode result = JSON.createObjectNode().put("state", "HALT").put("gasconsumed", "2007570");
    result.putArray("stack").addObject().put("type", "Integer").put("value", Long.toString(value(params.toString())));
    return result;
  }

  private JsonNode nep17(String address) {
    ObjectNode result = JSON.createObjectNode().put("address", address);
    ArrayNode balances = result.putArray("balance");
    balances.addObject().put("assethash", "0xd2a4cff31913016155e38e474a2c06d08be276cf").put("amount", Long.toString(value(address + "gas")));
    balances.addObject().put("assethash", "0xef4073a0f2b305a38ec4050e4d3d28bc40ea63f5").put("amount", Long.toString(value(address + "neo") % 100));
    return result;
  }

  private JsonNode account(String key) {
    ObjectNode account = JSON.createObjectNode().put("lamports", value(key)).put("owner", "PoD1111111111111111111111111111111111111111");
    account.putArray("data").add(Base64.getEncoder().encodeToString(("agent:" + key).getBytes(StandardCharsets.UTF_8))).add("base64");
    return account;
  }

  private ObjectNode slot() {
    return JSON.createObjectNode().put("slot", height());
  }

  private synchronized String nextHash() {
    return String.format("0x%064x", ++transactions);
  }

  private static long value(String key) {
    return (key.hashCode() & 0x7fffffffL) % 1_000_000;
  }

  private static double price(String symbol, long block) {
    double base = 10 + (symbol.hashCode() & 0xffff) / 10.0;
    return base * (1 + 0.02 * Math.sin(block / 7.0 + symbol.length()));
  }
}
