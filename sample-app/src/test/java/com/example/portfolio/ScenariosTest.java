package com.example.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.portfolio.market.MarketScenario;
import com.example.portfolio.near.NearScenario;
import com.example.portfolio.neo.NeoScenario;
import com.example.portfolio.node.NodeOptions;
import com.example.portfolio.node.NodeSimulator;
import com.example.portfolio.pod.PodScenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each scenario, ten rounds against the node simulator on 127.0.0.1 with no failures: the node
 * receives exactly the calls the scenario's loop makes, and the application sees no failure.
 */
final class ScenariosTest {

  @Test
  void near_viewsEveryLoop_accountsOneByOne_votesNowAndThen() throws Exception {
    // 10 rounds × (5 get_config + 5 get_proposal + 8 view_account); a vote in round 9
    assertEquals(Map.of("query", 180L, "broadcast_tx_commit", 1L), run(NearScenario::new));
  }

  @Test
  void neo_pollsBlockCount_balancesOneByOne_sendsNowAndThen() throws Exception {
    assertEquals(Map.of("getblockcount", 20L, "invokefunction", 30L, "getnep17balances", 60L, "sendrawtransaction", 1L),
        run(NeoScenario::new));
  }

  @Test
  void market_pricesEveryRound_candlesEveryThird() throws Exception {
    // candles in rounds 0, 3, 6 and 9, for four symbols
    assertEquals(Map.of("GET /api/v3/ticker/price", 120L, "GET /api/v3/klines", 16L), run(MarketScenario::new));
  }

  @Test
  void pod_agentsOneByOne_workersReadTheChannelTogether_messages() throws Exception {
    // 10 rounds × (8 agents + 4 workers); messages in rounds 2 and 7
    assertEquals(Map.of("getAccountInfo", 120L, "sendTransaction", 2L), run(PodScenario::new));
  }

  private static Map<String, Long> run(Function<String, Scenario> scenarios) throws Exception {
    try (NodeSimulator node = new NodeSimulator(new NodeOptions(42, 0, 500, 10_000, 0))) {
      Scenario scenario = scenarios.apply(node.baseUrl());
      Operations operations = new Operations();
      for (int round = 0; round < 10; round++) {
        scenario.round(round, operations);
      }
      if (scenario instanceof AutoCloseable) {
        ((AutoCloseable) scenario).close();
      }
      ByteArrayOutputStream summary = new ByteArrayOutputStream();
      operations.print(1, new PrintStream(summary, true, StandardCharsets.UTF_8));
      String text = summary.toString(StandardCharsets.UTF_8);
      // columns: operation (words), kind, count, failed, p50, p95, p99, throughput
      text.lines().skip(1).forEach(line -> {
        String[] columns = line.trim().split("\\s+");
        assertEquals("0", columns[columns.length - 5], "no failures: " + line);
      });
      return node.received();
    }
  }
}
