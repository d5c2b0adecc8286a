package io.perfweave.analyzer.rules;

import io.perfweave.analyzer.model.LongCounts;
import io.perfweave.analyzer.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CPU samples of one thing (a type built, the code opening connections) and their share of all
 * the run's CPU samples: what the rules that point at wasted CPU weigh and estimate savings by.
 */
public record CpuShare(String what, long samples, double share) {

  /** The first {@code top} of {@code counts} with at least {@code minSamples} and {@code minShare}. */
  public static List<CpuShare> significant(
      LongCounts counts, Model model, int top, double minSamples, double minShare) {
    long total = Math.max(1, model.jvm().cpu().value());
    List<CpuShare> shares = new ArrayList<>();
    for (Map.Entry<String, Long> entry : counts.top(top).entrySet()) {
      double share = (double) entry.getValue() / total;
      if (entry.getValue() >= minSamples && share >= minShare) {
        shares.add(new CpuShare(entry.getKey(), entry.getValue(), share));
      }
    }
    return shares;
  }


  /** The saving if the whole share went away: that share of the run's duration. */
  public long savingNanos(Model model) {
    return (long) (share * model.run().durationNanos());
  }
}
