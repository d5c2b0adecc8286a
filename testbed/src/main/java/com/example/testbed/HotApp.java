package com.example.testbed;

/**
 * Calls its client, then burns CPU and allocates in one hot method for a while, so that profilers
 * have something to find: {@code HotApp [millis] [calls]}.
 */
public final class HotApp {

  private HotApp() {}

  public static void main(String[] args) throws Exception {
    long millis = args.length > 0 ? Long.parseLong(args[0]) : 2000;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    NodeClient client = new NodeClient();
    long sum = 0;
    for (int i = 0; i < calls; i++) {
      sum += client.getBalance("acct-" + (i % 5));
    }
    long checksum = Crunch.burn(millis);
    System.out.println("calls " + calls + " sum " + sum + " checksum " + (checksum != 0));
  }
}
