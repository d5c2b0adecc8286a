package com.example.testbed;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Loads and uses its client, says it is ready, waits for a line on stdin, then calls again. */
public final class AttachApp {

  private AttachApp() {}

  public static void main(String[] args) throws Exception {
    NodeClient client = new NodeClient();
    System.out.println("before " + client.getBalance("acct-0"));
    System.out.println("ready");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    for (int i = 0; i < 3; i++) {
      System.out.println("after " + client.getBalance("acct-" + i));
    }
  }
}
