package io.perfweave.analyzer.rules;

import java.util.List;
import java.util.Map;

/**
 * One recommendation.
 *
 * @param rule the rule's id
 * @param score 0–100, from the rule's info and warning limits
 * @param subject the site or method it is about
 * @param title one line
 * @param evidence the numbers from the recording that the text quotes, by name
 * @param explanation what the evidence means
 * @param savingNanos the estimated time saved over the recorded run (0 when not a time saving)
 * @param savingShare that saving as a share of the time spent in RPC calls (or CPU, for CPU rules)
 * @param savingHow how the saving was estimated
 * @param fix what to do, in words
 * @param config the perfweave config that applies it, as YAML; empty where perfweave cannot
 * @param suggestions the sites of suggested-config.yaml this finding contributes
 */
public record Finding(
    String rule,
    int score,
    String subject,
    String title,
    Map<String, Object> evidence,
    String explanation,
    long savingNanos,
    double savingShare,
    String savingHow,
    String fix,
    String config,
    List<SiteSuggestion> suggestions) {

  public Severity severity() {
    return Severity.of(score);
  }
}
