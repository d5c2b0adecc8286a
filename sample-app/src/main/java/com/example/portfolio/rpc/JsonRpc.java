package com.example.portfolio.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/** A JSON-RPC 2.0 client the naive way: one request per call, a new id each time, no cache, no retry. */
public final class JsonRpc {

  public static final ObjectMapper JSON = new ObjectMapper();

  private final Transport transport;
  private final String url;
  private final AtomicLong ids = new AtomicLong();

  public JsonRpc(Transport transport, String url) {
    this.transport = transport;
    this.url = url;
  }

  /** Calls {@code method} with {@code params} (an array or an object); returns the result. */
  public JsonNode call(String method, JsonNode params) throws IOException, InterruptedException {
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", ids.incrementAndGet()).put("method", method);
    request.set("params", params);
    JsonNode response = JSON.readTree(transport.post(url, JSON.writeValueAsString(request)));
    if (response.hasNonNull("error")) {
      throw new IOException(method + ": " + response.get("error"));
    }
    if (response.path("id").asLong() != request.get("id").asLong()) {
      throw new IOException(method + ": answer for id " + response.path("id") + " to request " + request.get("id"));
    }
    return response.path("result");
  }

  public static com.fasterxml.jackson.databind.node.ArrayNode array(Object... values) {
    com.fasterxml.jackson.databind.node.ArrayNode array = JSON.createArrayNode();
    for (Object value : values) {
      array.add(JSON.valueToTree(value));
    }
    return array;
  }
}
