package com.example.testbed;

import java.io.IOException;

/** A stand-in for an RPC client library: deterministic answers, one failing and one slow call. */
public class NodeClient implements BalanceSource {

  private int calls;

  @Override
  public long getBalance(String account) {
    calls++;
    return account.hashCode() & 0xffff;
  }

  public void failing() throws IOException {
    calls++;
    throw new IOException("node unavailable");
  }

  public String slow() throws InterruptedException {
    calls++;
    Thread.sleep(30);
    return "done";
  }

  public int calls() {
    return calls;
  }
}
