package com.example.portfolio.market;

import com.example.portfolio.Operations;
import com.example.portfolio.Scenario;
import com.example.portfolio.rpc.JdkTransport;
import java.util.List;

/**
 * The market scanner of guide 003: the price of every symbol polled every round over REST (into
 * the exchange's rate limit), and every third round candles fetched and indicators computed the
 * CPU- and allocation-heavy way.
 */
public final class MarketScenario implements Scenario {

  private static final List<String> SYMBOLS =
      List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "NEOUSDT", "NEARUSDT", "BNBUSDT", "XRPUSDT", "ADAUSDT",
          "DOGEUSDT", "DOTUSDT", "AVAXUSDT", "LINKUSDT");
  private static final int CANDLES = 200;
  private final MarketClient client;
  private double lastScore;

  public MarketScenario(String baseUrl) {
    this.client = new MarketClient(new JdkTransport(), baseUrl);
  }

  @Override
  public String name() {
    return "market";
  }

  @Override
  public void round(int round, Operations operations) throws InterruptedException {
    for (String symbol : SYMBOLS) {
      operations.read("market price", () -> client.price(symbol));
    }
    if (round % 3 == 0) {
      for (String symbol : SYMBOLS.subList(0, 4)) {
        List<List<Double>> candles = new java.util.ArrayList<>();
        operations.read("market candles", () -> candles.add(client.closes(symbol, CANDLES)));
        if (!candles.isEmpty()) {
          operations.compute("market indicators", () -> lastScore = Indicators.score(candles.get(0)));
        }
      }
    }
  }
}
