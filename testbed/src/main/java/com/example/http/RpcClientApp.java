package com.example.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A naive JSON-RPC client, through the HTTP client named by the first argument, against the
 * server at 127.0.0.1:PORT/rpc (or the path of the fifth argument). Every request has a new id; the app checks that each answer
 * carries its own id and the right result, and prints what it sent and what failed.
 *
 * <p>Scenarios: {@code mixed} (three rounds, or as many as the fourth argument says, of two balance reads of alice, one of bob, a block
 * count at "latest", a transaction), {@code batch} (three batches of two balance reads, two
 * batches of a read and a transaction), {@code large} (three reads of a 1.5 MB result, each checked
 * whole), {@code blockcount} (three block counts).
 */
public final class RpcClientApp {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Long> BALANCES = Map.of("alice", 5000L, "bob", 3000L, "carol", 5000L);

  private final Transport transport;
  private final Map<String, Integer> sent = new TreeMap<>();
  private final Map<String, Integer> failed = new TreeMap<>();
  private int nextId = 1;
  private int wrongAnswers;

  private RpcClientApp(Transport transport) {
    this.transport = transport;
  }

  public static void main(String[] args) throws Exception {
    String path = args.length > 4 ? args[4] : "/rpc";
    RpcClientApp app = new RpcClientApp(Transport.named(args[0], "http://127.0.0.1:" + args[1] + path));
    switch (args[2]) {
      case "mixed":
        app.mixed(args.length > 3 ? Integer.parseInt(args[3]) : 3);
        break;
      case "batch":
        app.batches();
        break;
      case "large":
        for (int i = 0; i < 3; i++) {
          app.call(List.of(app.request("getBlob", "1536")));
        }
        break;
      default:
        for (int i = 0; i < 3; i++) {
          app.call(List.of(app.request("getBlockCount", "latest")));
        }
    }
    System.out.println("sent " + app.sent + " failed " + app.failed + " wrongAnswers=" + app.wrongAnswers);
    if (Boolean.getBoolean("rpcclient.wait")) {
      // a test reads what the running JVM exports before letting it end
      System.out.println("waiting");
      System.out.flush();
      new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
    }
    System.exit(0);
  }

  private void mixed(int rounds) {
    for (int round = 0; round < rounds; round++) {
      call(List.of(request("getBalance", "alice")));
      call(List.of(request("getBalance", "alice")));
      call(List.of(request("getBalance", "bob")));
      call(List.of(request("getBlockCount", "latest")));
      call(List.of(request("sendTransaction", "tx" + round)));
    }
  }

  private void batches() {
    for (int i = 0; i < 3; i++) {
      call(List.of(request("getBalance", "alice"), request("getBalance", "bob")));
    }
    for (int i = 0; i < 2; i++) {
      call(List.of(request("getBalance", "carol"), request("sendTransaction", "batch" + i)));
    }
  }

  private ObjectNode request(String method, String param) {
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", nextId++).put("method", method);
    request.putArray("params").add(param);
    sent.merge(method, 1, Integer::sum);
    return request;
  }

  private void call(List<ObjectNode> requests) {
    try {
      JsonNode body = requests.size() == 1 ? requests.get(0) : JSON.createArrayNode().addAll(requests);
      JsonNode answer = JSON.readTree(transport.post(JSON.writeValueAsString(body)));
      for (ObjectNode request : requests) {
        check(request, answer.isArray() ? byId((ArrayNode) answer, request.get("id")) : answer);
      }
    } catch (Exception e) {
      requests.forEach(r -> failed.merge(r.get("method").asText(), 1, Integer::sum));
    }
  }

  private void check(ObjectNode request, JsonNode answer) {
    boolean right = answer != null && request.get("id").equals(answer.get("id"));
    if (right && request.get("method").asText().equals("getBalance")) {
      right = answer.path("result").asLong() == BALANCES.get(request.get("params").get(0).asText());
    }
    if (right && request.get("method").asText().equals("getBlob")) {
      right = answer.path("result").asText().length() == 1024 * request.get("params").get(0).asInt();
    }
    if (!right) {
      wrongAnswers++;
    }
  }

  private static JsonNode byId(ArrayNode answers, JsonNode id) {
    for (JsonNode answer : answers) {
      if (id.equals(answer.get("id"))) {
        return answer;
      }
    }
    return null;
  }
}
