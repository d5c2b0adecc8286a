package com.example.testbed;

/**
 * Calls its client, then burns CPU and allocates in one hot method for a while, so that profilers
 * have something to find: {@code HotApp [millis] [calls] [spreadMillis]}.
 */
public final class HotApp {

  private HotApp() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    long callsPerPause = callsPerPause(args, calls);
    NodeClient client = new NodeClient();
    long sum = 0;
    for (int i = 0; i < calls; i++) {
      sum += client.getBalance("acct-" + (i % 5));
      if ((i + 1) % callsPerPause == 0) {
        Thread.sleep(1);
      }
    }
    long checksum = Crunch.burn(args.length > 0 ? Long.parseLong(args[0]) : 2000);
    System.out.println("calls " + calls + " sum " + sum + " checksum " + (checksum != 0));
  }

  /**
   * With {@code spreadMillis}, the calls are spread over about that long, a pause of a millisecond
   * after every so many, instead of made as fast as they can be.
   */
  private static long callsPerPause(String[] args, int calls) {
    long spreadMillis = args.length > 2 ? Long.parseLong(args[2]) : 0;
    return spreadMillis > 0 ? Math.max(1, calls / spreadMillis) : Long.MAX_VALUE;
  }
}
