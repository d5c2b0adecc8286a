package io.perfweave.analyzer.rules;

import io.perfweave.analyzer.model.Model;
import java.util.List;
import java.util.Set;

/**
 * One rule: stateless, with named thresholds, returning its findings (none when the recording
 * shows nothing to fix). Rules whose required events are missing are not run ("not applicable").
 * Implementations are listed in META-INF/services/io.perfweave.analyzer.rules.Rule.
 */
public interface Rule {

  String id();

  /** Event types the recording must contain for this rule to say anything. */
  Set<String> requiredEvents();

  /** The thresholds this rule reads, each declared once with its default and meaning. */
  default List<Threshold> thresholds() {
    return List.of();
  }

  List<Finding> evaluate(Model model, Thresholds thresholds);
}
