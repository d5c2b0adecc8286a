package io.perfweave.analyzer.rules;

import java.util.HashMap;
import java.util.Map;

/** Named rule thresholds; each rule passes its default, which a user override replaces. */
public final class Thresholds {

  private final Map<String, Double> overrides = new HashMap<>();

  public Thresholds with(String name, double value) {
    overrides.put(name, value);
    return this;
  }

  public double get(String name, double fallback) {
    return overrides.getOrDefault(name, fallback);
  }
}
