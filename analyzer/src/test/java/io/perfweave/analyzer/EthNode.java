package io.perfweave.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.googlecode.jsonrpc4j.JsonRpcBasicServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * An Ethereum-like node for the loop tests: jsonrpc4j (a JSON-RPC server library nobody here
 * wrote) answers the {@code eth_} methods from a small chain whose head moves on every
 * {@code blockMillis}, behind a fault-injecting front that answers a share of requests with 503
 * before they reach the node, and adds the node's own latency. Writes
 * ({@code eth_sendRawTransaction}) are mined into the next block: the wallet's nonce goes up and
 * its balance down. Counts what reached the node, per method.
 */
final class EthNode implements AutoCloseable {

  static final String WALLET = "0x1111111111111111111111111111111111111111";
  static final int TRANSACTIONS_PER_BLOCK = 4;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(16);
  private final JsonRpcBasicServer rpc;
  private final Chain chain;
  private final double faultRate;
  private final Random faults = new Random(7);
  private final Map<String, LongAdder> received = new ConcurrentHashMap<>();
  private final LongAdder faulted = new LongAdder();

  /**
   * @param faultRate share of requests answered 503 by the front
   * @param latencyMillis the node's time per request
   */
  EthNode(double faultRate, int latencyMillis, long blockMillis) throws IOException {
    // the test JVM sets sun.net.httpserver.nodelay (analyzer/pom.xml), as a node would answer
    this.faultRate = faultRate;
    this.chain = new Chain(blockMillis);
    this.rpc = new JsonRpcBasicServer(JSON, new Api(chain), EthApi.class);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", exchange -> handle(exchange, latencyMillis));
    server.setExecutor(executor);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Requests of {@code method} that reached the node (not those the front failed). */
  long received(String method) {
    LongAdder count = received.get(method);
    return count == null ? 0 : count.sum();
  }

  long receivedReads() {
    return received.entrySet().stream()
        .filter(e -> !e.getKey().equals("eth_sendRawTransaction"))
        .mapToLong(e -> e.getValue().sum())
        .sum();
  }

  BigInteger balance(String account) {
    return chain.balance(account);
  }

  BigInteger nonce() {
    return chain.nonce();
  }

  private void handle(HttpExchange exchange, int latencyMillis) throws IOException {
    try (exchange) {
      byte[] request = exchange.getRequestBody().readAllBytes();
      if (fault()) {
        faulted.increment();
        respond(exchange, 503, "{\"message\":\"upstream unavailable\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      count(request);
      sleep(latencyMillis);
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      rpc.handleRequest(new ByteArrayInputStream(request), response);
      respond(exchange, 200, response.toByteArray());
    }
  }

  private synchronized boolean fault() {
    return faults.nextDouble() < faultRate;
  }

  private void count(byte[] request) throws IOException {
    JsonNode tree = JSON.readTree(request);
    for (JsonNode element : tree.isArray() ? tree : List.of(tree)) {
      received.computeIfAbsent(element.path("method").asText(), m -> new LongAdder()).increment();
    }
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void sleep(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** The methods jsonrpc4j serves, by their JSON-RPC names. */
  public interface EthApi {
    String eth_blockNumber();

    String eth_chainId();

    String eth_getBalance(String account, String block);

    String eth_getTransactionCount(String account, String block);

    Map<String, Object> eth_getBlockByNumber(String block, boolean full);

    Map<String, Object> eth_getTransactionByHash(String hash);

    String eth_sendRawTransaction(String raw);
  }

  /** The chain: a head that moves with time, the wallet's mined transactions. */
  static final class Chain {
    private final long startMillis = System.currentTimeMillis();
    private final long blockMillis;
    private final List<Long> minedAt = new ArrayList<>(); // block each write is mined in

    Chain(long blockMillis) {
      this.blockMillis = blockMillis;
    }

    long head() {
      return 1000 + (System.currentTimeMillis() - startMillis) / blockMillis;
    }

    synchronized long submit() {
      minedAt.add(head() + 1);
      return minedAt.size();
    }

    synchronized long mined() {
      long head = head();
      return minedAt.stream().filter(block -> block <= head).count();
    }

    BigInteger balance(String account) {
      BigInteger initial = BigInteger.valueOf(Long.parseLong(account.substring(2, 6), 16)).shiftLeft(40);
      return account.equals(WALLET) ? initial.subtract(BigInteger.valueOf(mined() * 21_000L)) : initial;
    }

    BigInteger nonce() {
      return BigInteger.valueOf(mined());
    }
  }

  /** The node's answers. */
  static final class Api implements EthApi {
    private final Chain chain;

    Api(Chain chain) {
      this.chain = chain;
    }

    @Override
    public String eth_blockNumber() {
      return hex(chain.head());
    }

    @Override
    public String eth_chainId() {
      return "0x539";
    }

    @Override
    public String eth_getBalance(String account, String block) {
      return "0x" + chain.balance(account).toString(16);
    }

    @Override
    public String eth_getTransactionCount(String account, String block) {
      return "0x" + (account.equals(WALLET) ? chain.nonce() : BigInteger.ZERO).toString(16);
    }

    @Override
    public Map<String, Object> eth_getBlockByNumber(String block, boolean full) {
      long number = new BigInteger(block.substring(2), 16).longValue();
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("number", hex(number));
      json.put("hash", hash("block", number, 0));
      json.put("parentHash", hash("block", number - 1, 0));
      json.put("timestamp", hex(1_700_000_000L + number * 12));
      json.put("gasLimit", hex(30_000_000));
      json.put("gasUsed", hex(TRANSACTIONS_PER_BLOCK * 21_000L));
      List<String> transactions = new ArrayList<>();
      for (int i = 0; i < TRANSACTIONS_PER_BLOCK; i++) {
        transactions.add(hash("tx", number, i));
      }
      json.put("transactions", transactions);
      json.put("uncles", List.of());
      return json;
    }

    @Override
    public Map<String, Object> eth_getTransactionByHash(String hash) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("hash", hash);
      json.put("nonce", "0x1");
      json.put("from", "0x2222222222222222222222222222222222222222");
      json.put("to", "0x3333333333333333333333333333333333333333");
      json.put("value", hex(Math.abs((long) hash.hashCode()) + 1));
      json.put("gas", hex(21_000));
      json.put("gasPrice", hex(1_000_000_000));
      json.put("input", "0x");
      return json;
    }

    @Override
    public String eth_sendRawTransaction(String raw) {
      return hash("sent", chain.submit(), 0);
    }

    private static String hex(long value) {
      return "0x" + Long.toHexString(value);
    }

    private static String hash(String kind, long number, int index) {
      return String.format("0x%064x", (kind.hashCode() * 1_000_003L + number) * 101 + index).replace('-', 'f');
    }
  }
}
