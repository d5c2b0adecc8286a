package com.example.portfolio.market;

import java.util.ArrayList;
import java.util.List;

/**
 * Technical indicators computed the naive way the market guide (003) warns about: every moving
 * average recomputed from scratch for every point and every period, in boxed lists.
 */
final class Indicators {

  private Indicators() {}

  /** A signal score from SMA/EMA crossovers over many periods, RSI and Bollinger width. */
  static double score(List<Double> closes) {
    double score = 0;
    for (int period = 5; period <= 60; period += 5) {
      List<Double> sma = sma(closes, period);
      List<Double> ema = ema(closes, period);
      score += Math.signum(ema.get(ema.size() - 1) - sma.get(sma.size() - 1));
    }
    return score + rsi(closes, 14) / 100 + bollingerWidth(closes, 20);
  }

  private static List<Double> sma(List<Double> closes, int period) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < closes.size(); i++) {
      double sum = 0;
      int from = Math.max(0, i - period + 1);
      for (int j = from; j <= i; j++) {
        sum += closes.get(j);
      }
      out.add(sum / (i - from + 1));
    }
    return out;
  }

  /** The EMA at every point, each recomputed from the first point. */
  private static List<Double> ema(List<Double> closes, int period) {
    double k = 2.0 / (period + 1);
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < closes.size(); i++) {
      Double value = closes.get(0);
      for (int j = 1; j <= i; j++) {
        value = closes.get(j) * k + value * (1 - k);
      }
      out.add(value);
    }
    return out;
  }

  private static double rsi(List<Double> closes, int period) {
    double gain = 0;
    double loss = 0;
    for (int i = closes.size() - period; i < closes.size(); i++) {
      double change = closes.get(i) - closes.get(i - 1);
      gain += Math.max(change, 0);
      loss += Math.max(-change, 0);
    }
    return loss == 0 ? 100 : 100 - 100 / (1 + gain / loss);
  }

  private static double bollingerWidth(List<Double> closes, int period) {
    List<Double> window = new ArrayList<>(closes.subList(closes.size() - period, closes.size()));
    double mean = window.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double variance = window.stream().mapToDouble(c -> (c - mean) * (c - mean)).average().orElse(0);
    return 4 * Math.sqrt(variance) / mean;
  }
}
