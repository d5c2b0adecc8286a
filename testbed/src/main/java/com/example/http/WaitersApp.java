package com.example.http;

import com.example.testbed.PriceService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N callers make the same call at the same moment: a woven {@code PriceService.slowFailure("Y")}
 * ({@code woven}), or a JSON-RPC {@code getBalance ["alice"]} through the HTTP client named by the
 * first argument, against 127.0.0.1:PORT/rpc. Prints how many of them saw a failure and how many
 * got a value.
 */
public final class WaitersApp {

  private interface Call {
    void run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    String client = args[0];
    int callers = Integer.parseInt(args[2]);
    Call call;
    PriceService prices = new PriceService();
    if (client.equals("woven")) {
      call = () -> prices.slowFailure("Y");
    } else {
      Transport transport = Transport.named(client, "http://127.0.0.1:" + args[1] + "/rpc");
      AtomicInteger ids = new AtomicInteger();
      call =
          () ->
              transport.post(
                  "{\"jsonrpc\":\"2.0\",\"id\":" + ids.incrementAndGet()
                      + ",\"method\":\"getBalance\",\"params\":[\"alice\"]}");
    }
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    CyclicBarrier start = new CyclicBarrier(callers);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      Thread caller =
          new Thread(
              () -> {
                try {
                  start.await();
                  call.run();
                  answered.incrementAndGet();
                } catch (Exception e) {
                  failed.incrementAndGet();
                }
              });
      threads.add(caller);
      caller.start();
    }
    for (Thread caller : threads) {
      caller.join();
    }
    System.out.println(
        "failed " + failed.get() + " answered " + answered.get() + " runs " + prices.runs("slowFailure:Y"));
    System.exit(0);
  }
}
