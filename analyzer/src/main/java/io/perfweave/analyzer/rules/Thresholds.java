package io.perfweave.analyzer.rules;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The values of the rules' thresholds for one analysis: each its default unless overridden. */
public final class Thresholds {

  private final Map<String, Double> overrides = new HashMap<>();

  /** Overrides {@code threshold}. */
  public Thresholds with(Threshold threshold, double value) {
    overrides.put(threshold.name(), value);
    return this;
  }

  /**
   * Overrides from {@code name=value} settings, each naming one of {@code known}; a setting that
   * does not is an IllegalArgumentException naming it and the known names.
   */
  public static Thresholds parse(Map<String, String> settings, Collection<Threshold> known) {
    Map<String, Threshold> byName = new TreeMap<>();
    known.forEach(t -> byName.put(t.name(), t));
    Thresholds thresholds = new Thresholds();
    for (Map.Entry<String, String> setting : settings.entrySet()) {
      Threshold threshold = byName.get(setting.getKey());
      if (threshold == null) {
        throw new IllegalArgumentException(
            "--threshold " + setting.getKey() + " is not a threshold; known: " + byName.keySet());
      }
      thresholds.with(threshold, number(setting.getKey(), setting.getValue()));
    }
    return thresholds;
  }

  public double get(Threshold threshold) {
    return overrides.getOrDefault(threshold.name(), threshold.defaultValue());
  }

  private static double number(String name, String value) {
    try {
      double number = Double.parseDouble(value.trim());
      if (Double.isNaN(number) || Double.isInfinite(number) || number < 0) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "--threshold %s must be a number of at least 0, was '%s'", name, value));
    }
  }
}
