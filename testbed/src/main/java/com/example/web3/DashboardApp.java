package com.example.web3;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.http.HttpService;

/**
 * A wallet dashboard written the way a team would write it first, on web3j (OkHttp inside):
 * dashboard threads refresh every PERIOD_MS (200) — the head block number, balances and the wallet's nonce
 * at {@code latest}, the previous block and each of its transactions one by one (N+1), the chain
 * id — and fingerprint what they read (Jackson and Keccak, in the application's own code); a
 * writer sends a raw transaction every 2 s. After the load it waits, reads the balances and the
 * nonce once more, and prints what it saw (the latency of reads that returned a value, after a 2 s
 * warm-up): {@code DashboardApp PORT SECONDS [THREADS [PERIOD_MS]]}.
 */
public final class DashboardApp {

  static final List<String> ACCOUNTS =
      List.of(
          "0x1111111111111111111111111111111111111111", "0x2222222222222222222222222222222222222222",
          "0x3333333333333333333333333333333333333333", "0x4444444444444444444444444444444444444444");
  static final String WALLET = ACCOUNTS.get(0);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WARM_UP_NANOS = 2_000_000_000L;

  private final Web3j web3;
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
  private final AtomicInteger refreshes = new AtomicInteger();
  /** Latencies count from here: the first seconds load classes and compile. */
  private volatile long measureFrom = Long.MAX_VALUE;
  private final AtomicInteger writesSent = new AtomicInteger();
  private final AtomicInteger writesFailed = new AtomicInteger();
  private volatile String fingerprint = "";

  private DashboardApp(Web3j web3) {
    this.web3 = web3;
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int seconds = Integer.parseInt(args[1]);
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int periodMillis = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    Web3j web3 = Web3j.build(new HttpService("http://127.0.0.1:" + port + "/"));
    DashboardApp app = new DashboardApp(web3);
    app.load(seconds, threads, periodMillis);
    Thread.sleep(3_000);
    app.finalReads();
    app.report();
    web3.shutdown();
    System.exit(0);
  }

  private void load(int seconds, int threads, int periodMillis) throws InterruptedException {
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(threads + 1);
    measureFrom = System.nanoTime() + WARM_UP_NANOS;
    for (int t = 0; t < threads; t++) {
      scheduler.scheduleAtFixedRate(this::refresh, t * 50L, periodMillis, TimeUnit.MILLISECONDS);
    }
    scheduler.scheduleAtFixedRate(this::write, 1_000, 2_000, TimeUnit.MILLISECONDS);
    Thread.sleep(seconds * 1_000L);
    scheduler.shutdown();
    scheduler.awaitTermination(30, TimeUnit.SECONDS);
  }

  private void refresh() {
    Map<String, Object> seen = new LinkedHashMap<>();
    BigInteger head = read("eth_blockNumber", web3.ethBlockNumber(), r -> r.getBlockNumber());
    seen.put("head", head);
    for (String account : ACCOUNTS) {
      seen.put(account, read("eth_getBalance", web3.ethGetBalance(account, DefaultBlockParameterName.LATEST), r -> r.getBalance()));
    }
    seen.put("nonce", read("eth_getTransactionCount",
        web3.ethGetTransactionCount(WALLET, DefaultBlockParameterName.LATEST), r -> r.getTransactionCount()));
    if (head != null) {
      EthBlock.Block block = read("eth_getBlockByNumber",
          web3.ethGetBlockByNumber(DefaultBlockParameter.valueOf(head.subtract(BigInteger.ONE)), false), EthBlock::getBlock);
      if (block != null) {
        for (EthBlock.TransactionResult<?> tx : block.getTransactions()) {
          String hash = (String) tx.get();
          seen.put(hash, read("eth_getTransactionByHash", web3.ethGetTransactionByHash(hash), r -> r.getTransaction().map(t -> t.getValue()).orElse(null)));
        }
      }
    }
    seen.put("chain", read("eth_chainId", web3.ethChainId(), r -> r.getChainId()));
    fingerprint = fingerprint(seen);
    refreshes.incrementAndGet();
  }

  private <R extends Response<?>, T> T read(String method, Request<?, R> request, java.util.function.Function<R, T> value) {
    long start = System.nanoTime();
    try {
      R response = request.send();
      if (response.hasError()) {
        throw new IllegalStateException(response.getError().getMessage());
      }
      T read = value.apply(response);
      if (start >= measureFrom) {
        latencies.computeIfAbsent(method, m -> java.util.Collections.synchronizedList(new ArrayList<>()))
            .add(System.nanoTime() - start);
      }
      return read;
    } catch (Exception e) {
      failures.computeIfAbsent(method, m -> new LongAdder()).increment();
      return null;
    }
  }

  /** What the dashboard shows, fingerprinted: JSON of the values, hashed over and over. */
  private static String fingerprint(Map<String, Object> seen) {
    try {
      byte[] bytes = JSON.writeValueAsBytes(seen);
      for (int i = 0; i < 20_000; i++) {
        bytes = Hash.sha3(bytes);
      }
      return org.web3j.utils.Numeric.toHexString(bytes).substring(0, 10);
    } catch (Exception e) {
      return "";
    }
  }

  private void write() {
    int n = writesSent.incrementAndGet();
    try {
      var result = web3.ethSendRawTransaction("0xf86c" + String.format("%060x", n)).send();
      if (result.hasError()) {
        writesFailed.incrementAndGet();
      }
    } catch (Exception e) {
      writesFailed.incrementAndGet();
    }
  }

  /** The balances and nonce once more, each tried until the node answers, as a careful app would. */
  private void finalReads() throws Exception {
    for (String account : ACCOUNTS) {
      System.out.println("final balance " + account + " "
          + untilAnswered(() -> web3.ethGetBalance(account, DefaultBlockParameterName.LATEST).send().getBalance()));
    }
    System.out.println("final nonce "
        + untilAnswered(() -> web3.ethGetTransactionCount(WALLET, DefaultBlockParameterName.LATEST).send().getTransactionCount()));
  }

  private static <T> T untilAnswered(java.util.concurrent.Callable<T> read) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        return read.call();
      } catch (Exception e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  private void report() {
    Map<String, Long> failed = new TreeMap<>();
    failures.forEach((method, count) -> failed.put(method, count.sum()));
    System.out.println("refreshes " + refreshes.get() + " readFailures " + failed + " writesSent " + writesSent.get()
        + " writesFailed " + writesFailed.get() + " fingerprint " + fingerprint);
    new TreeMap<>(latencies).forEach(
        (method, nanos) -> System.out.println("p95 " + method + " " + percentile(nanos, 95)
            + " (p50 " + percentile(nanos, 50) + ", max " + percentile(nanos, 100) + ", " + nanos.size() + " calls)"));
  }

  /** A percentile of the latencies after the warm-up, in ms. */
  private static String percentile(List<Long> nanos, double p) {
    long[] sorted;
    synchronized (nanos) {
      sorted = nanos.stream().mapToLong(Long::longValue).toArray();
    }
    Arrays.sort(sorted);
    int index = Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1);
    return sorted.length == 0 ? "0" : String.format(java.util.Locale.ROOT, "%.2f", sorted[index] / 1e6);
  }
}
