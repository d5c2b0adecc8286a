package com.example.testbed;

/** Calls the client twice: a nested call site around two inner ones. */
public class Wallet {

  private final NodeClient client;

  public Wallet(NodeClient client) {
    this.client = client;
  }

  public long total(String first, String second) {
    return client.getBalance(first) + client.getBalance(second);
  }
}
