package io.perfweave.analyzer.rules;

import io.perfweave.analyzer.model.LongCounts;
import io.perfweave.analyzer.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A rule about CPU spent on one kind of waste (costly objects built, connections opened), counted
 * by what or where: the loop over the significant shares is written here once.
 */
public abstract class CpuShareRule implements Rule {

  private final Function<Model, LongCounts> counts;
  private final int top;
  private final Threshold minSamples;
  private final Threshold minShare;

  /**
   * @param counts the CPU samples of the waste, by what or where
   * @param top how many of the largest counts are looked at
   */
  protected CpuShareRule(
      Function<Model, LongCounts> counts, int top, Threshold minSamples, Threshold minShare) {
    this.counts = counts;
    this.top = top;
    this.minSamples = minSamples;
    this.minShare = minShare;
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of("jdk.ExecutionSample");
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(minSamples, minShare);
  }

  @Override
  public final List<Finding> evaluate(Model model, Thresholds thresholds) {
    List<Finding> findings = new ArrayList<>();
    for (CpuShare share :
        CpuShare.significant(
            counts.apply(model), model, top, thresholds.get(minSamples), thresholds.get(minShare))) {
      findings.add(finding(share, model));
    }
    return findings;
  }

  protected abstract Finding finding(CpuShare share, Model model);
}
