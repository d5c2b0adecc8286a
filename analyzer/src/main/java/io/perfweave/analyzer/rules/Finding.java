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

  /** Evidence without an order of its own ({@code Map.of}'s changes from run to run) is kept sorted by name. */
  public Finding {
    boolean ordered = evidence instanceof java.util.LinkedHashMap<?, ?> || evidence instanceof java.util.SortedMap<?, ?>;
    evidence = ordered ? evidence : new java.util.TreeMap<>(evidence);
  }

  public Severity severity() {
    return Severity.of(score);
  }

  /** A finding of {@code rule} about {@code subject}; what is not set is empty or 0. */
  public static Builder of(String rule, String subject) {
    return new Builder(rule, subject);
  }

  /** Builds a {@link Finding}, one named setter per part. */
  public static final class Builder {
    private final String rule;
    private final String subject;
    private int score;
    private String title = "";
    private Map<String, Object> evidence = Map.of();
    private String explanation = "";
    private long savingNanos;
    private double savingShare;
    private String savingHow = "";
    private String fix = "";
    private String config = "";
    private List<SiteSuggestion> suggestions = List.of();

    private Builder(String rule, String subject) {
      this.rule = rule;
      this.subject = subject;
    }

    public Builder score(int score) {
      this.score = score;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder evidence(Map<String, Object> evidence) {
      this.evidence = evidence;
      return this;
    }

    public Builder explanation(String explanation) {
      this.explanation = explanation;
      return this;
    }

    /** The estimated saving: time over the recorded run, its share, and how it was estimated. */
    public Builder saving(long nanos, double share, String how) {
      this.savingNanos = nanos;
      this.savingShare = share;
      this.savingHow = how;
      return this;
    }

    public Builder fix(String fix) {
      this.fix = fix;
      return this;
    }

    /** The YAML that applies the fix, and the sites of suggested-config.yaml it contributes. */
    public Builder config(String config, List<SiteSuggestion> suggestions) {
      this.config = config;
      this.suggestions = suggestions;
      return this;
    }

    public Finding build() {
      return new Finding(
          rule, score, subject, title, evidence, explanation, savingNanos, savingShare, savingHow,
          fix, config, suggestions);
    }
  }
}
