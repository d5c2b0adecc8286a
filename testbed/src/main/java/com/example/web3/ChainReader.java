package com.example.web3;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.http.HttpService;

/**
 * A service instance that polls a node on web3j (OkHttp inside): what does not change (the chain
 * id, three accounts' balances at a fixed block) and the head block number, which moves on,
 * every PERIOD_MS for SECONDS; it checks every answer (a balance is the node's: the account's
 * digits 2..6, shifted left by 40; a head is at least the node's first). Several of these running
 * at once are a fleet repeating each other's calls; each waits a random half to one and a half
 * periods between rounds, so that their calls interleave as independent services' do. Prints what it read and how
 * many answers were wrong or failed: {@code ChainReader PORT SECONDS PERIOD_MS [DELAY_MS]} (a
 * delay first: instances of a fleet start one after another). With {@code -Dapp.wait=true} it
 * prints "waiting" at the end and waits for a line on stdin, for a test to read what it exports.
 */
public final class ChainReader {

  private static final List<String> ACCOUNTS =
      List.of(
          "0x2222222222222222222222222222222222222222", "0x3333333333333333333333333333333333333333",
          "0x4444444444444444444444444444444444444444");
  private static final DefaultBlockParameter BLOCK = DefaultBlockParameter.valueOf(BigInteger.valueOf(1000));

  private ChainReader() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 3) {
      Thread.sleep(Long.parseLong(args[3]));
    }
    Web3j web3 = Web3j.build(new HttpService("http://127.0.0.1:" + args[0] + "/"));
    long end = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
    long period = Long.parseLong(args[2]);
    int reads = 0;
    int wrong = 0;
    int failed = 0;
    while (System.nanoTime() < end) {
      try {
        if (!web3.ethChainId().send().getChainId().equals(BigInteger.valueOf(1337))) {
          wrong++;
        }
        for (String account : ACCOUNTS) {
          if (!web3.ethGetBalance(account, BLOCK).send().getBalance().equals(expected(account))) {
            wrong++;
          }
        }
        if (web3.ethBlockNumber().send().getBlockNumber().longValue() < 1000) {
          wrong++;
        }
        reads += 2 + ACCOUNTS.size();
      } catch (Exception e) {
        failed++;
      }
      Thread.sleep(period / 2 + ThreadLocalRandom.current().nextLong(period + 1));
    }
    System.out.println("reads=" + reads + " wrong=" + wrong + " failed=" + failed);
    if (Boolean.getBoolean("app.wait")) {
      System.out.println("waiting");
      System.out.flush();
      new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
    }
    web3.shutdown();
    System.exit(0);
  }

  private static BigInteger expected(String account) {
    return BigInteger.valueOf(Long.parseLong(account.substring(2, 6), 16)).shiftLeft(40);
  }
}
