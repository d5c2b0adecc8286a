package com.example.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A JSON-RPC client written the naive way: one HTTP request per call, no cache, no retry. */
public class NodeClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final URI endpoint;
  private final AtomicLong ids = new AtomicLong();

  public NodeClient(String endpoint) {
    this.endpoint = URI.create(endpoint);
  }

  public long getBalance(String account) throws IOException, InterruptedException {
    return call("getBalance", account).asLong();
  }

  public long getBlockCount() throws IOException, InterruptedException {
    return call("getBlockCount", null).asLong();
  }

  public String sendTransaction(String transaction) throws IOException, InterruptedException {
    return call("sendTransaction", transaction).asText();
  }

  private JsonNode call(String method, String param) throws IOException, InterruptedException {
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
    request.put("id", ids.incrementAndGet());
    if (param != null) {
      request.putArray("params").add(param);
    }
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(method + " failed with HTTP " + response.statusCode());
    }
    return JSON.readTree(response.body()).path("result");
  }
}
