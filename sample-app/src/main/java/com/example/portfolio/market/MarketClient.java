package com.example.portfolio.market;

import com.example.portfolio.rpc.JsonRpc;
import com.example.portfolio.rpc.Transport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The exchange's REST API as the scanner calls it: one GET per symbol, every time. */
public class MarketClient {

  private final Transport transport;
  private final String baseUrl;

  public MarketClient(Transport transport, String baseUrl) {
    this.transport = transport;
    this.baseUrl = baseUrl;
  }

  public double price(String symbol) throws IOException, InterruptedException {
    JsonNode ticker = JsonRpc.JSON.readTree(transport.get(baseUrl + "/api/v3/ticker/price?symbol=" + symbol));
    return Double.parseDouble(ticker.path("price").asText());
  }

  /** Closing prices of the last {@code limit} candles, oldest first. */
  public List<Double> closes(String symbol, int limit) throws IOException, InterruptedException {
    JsonNode candles = JsonRpc.JSON.readTree(transport.get(baseUrl + "/api/v3/klines?symbol=" + symbol + "&limit=" + limit));
    List<Double> closes = new ArrayList<>();
    candles.forEach(candle -> closes.add(candle.path(4).asDouble()));
    return closes;
  }
}
