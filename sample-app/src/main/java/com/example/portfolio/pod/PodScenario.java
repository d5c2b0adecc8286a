package com.example.portfolio.pod;

import com.example.portfolio.Operations;
import com.example.portfolio.Scenario;
import com.example.portfolio.rpc.JsonRpc;
import com.example.portfolio.rpc.OkHttpTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The agent-messaging protocol of the PoD guide (004), on OkHttp: agent accounts fetched one by
 * one with {@code getAccountInfo} where {@code getMultipleAccounts} exists, worker threads that
 * all read the same channel account at once, and messages sent as transactions.
 */
public final class PodScenario implements Scenario, AutoCloseable {

  private static final int AGENTS = 8;
  private static final int WORKERS = 4;
  private static final String CHANNEL = "ChaNnEL1111111111111111111111111111111111";
  private final JsonRpc rpc;
  private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS);

  public PodScenario(String baseUrl) {
    this.rpc = new JsonRpc(new OkHttpTransport(), baseUrl + "/rpc");
  }

  @Override
  public String name() {
    return "pod";
  }

  @Override
  public void round(int round, Operations operations) throws InterruptedException {
    for (int agent = 0; agent < AGENTS; agent++) {
      String key = "AgEnT" + agent + "11111111111111111111111111111111111";
      operations.read("pod getAccountInfo agent", () -> accountInfo(key));
    }
    List<Future<?>> reads = new ArrayList<>();
    for (int worker = 0; worker < WORKERS; worker++) {
      reads.add(workers.submit(() -> {
        operations.read("pod getAccountInfo channel", () -> accountInfo(CHANNEL));
        return null;
      }));
    }
    for (Future<?> read : reads) {
      try {
        read.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
    if (round % 5 == 2) {
      operations.write("pod sendMessage", () -> rpc.call("sendTransaction", JsonRpc.array("msg:" + CHANNEL + ":" + round)));
    }
  }

  private Object accountInfo(String key) throws Exception {
    return rpc.call("getAccountInfo", JsonRpc.array(key, java.util.Map.of("encoding", "base64")));
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
