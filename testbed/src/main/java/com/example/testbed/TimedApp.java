package com.example.testbed;

import java.io.IOException;

/** Makes a known number of calls of each kind and prints their results. */
public final class TimedApp {

  private TimedApp() {}

  public static void main(String[] args) throws Exception {
    NodeClient client = new NodeClient();
    for (int i = 0; i < 5; i++) {
      System.out.println("balance " + client.getBalance("acct-" + (i % 2)));
    }
    try {
      client.failing();
    } catch (IOException e) {
      System.out.println("caught " + e.getMessage());
    }
    System.out.println("slow " + client.slow());
    System.out.println("total " + new Wallet(client).total("acct-0", "acct-1"));
    System.out.println("calls " + client.calls());
  }
}
