package io.perfweave.analyzer.report;

import io.perfweave.analyzer.model.Latencies;
import io.perfweave.analyzer.model.LongCounts;
import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.plan.Plans;
import io.perfweave.analyzer.plan.Prediction;
import io.perfweave.analyzer.rules.RuleRunner;
import io.perfweave.analyzer.rules.Thresholds;
import io.perfweave.contract.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * compare.json: two runs side by side. A headline first (RPCs sent, errors the application saw,
 * p95 of each read, CPU per call), then per site — sites paired by identity even when the port or
 * host differs — with, where the after run shows the before run's planned policy at work, the
 * replay's prediction beside what was measured. Lower is better for every compared metric; what
 * the application saw is compared (a p50 that rose because a cache now answers the fast calls is
 * not a regression).
 */
public final class Comparison {

  /** compare.json's per-site list, written by {@link #build} and read back for CI checks. */
  static final String SITES = "sites";

  /** A change under this share either way is "unchanged". */
  static final double NOISE = 0.05;
  /** A measure further than this from its prediction is flagged. */
  static final double PREDICTION_TOLERANCE = 0.25;
  /** Nor is a count flagged that is off by fewer than this share of the run's calls. */
  static final double COUNT_NOISE = 0.005;
  /** Nor a p95 off by less than this, in ms. */
  static final double LATENCY_NOISE_MS = 1;
  /**
   * A percentile is judged only where this many calls of each run lie beyond it: a p95 of 30
   * calls is the second slowest call, and one outlier moves it.
   */
  static final int CALLS_BEYOND_PERCENTILE = 5;

  private Comparison() {}

  public static Map<String, Object> build(Model before, Model after) {
    Plans plans = plans(before);
    List<SitePairs.Pair> pairs = SitePairs.pair(called(before), called(after));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schemaVersion", JsonReport.SCHEMA_VERSION);
    root.put("before", runFacts(before));
    root.put("after", runFacts(after));
    root.put("pairing", pairing(pairs));
    root.put("headline", headline(before, after, pairs, plans));
    List<Object> sites = new ArrayList<>();
    List<String> improved = new ArrayList<>();
    List<String> regressed = new ArrayList<>();
    for (SitePairs.Pair pair : pairs) {
      SiteModel b = pair.before() == null ? null : before.sites().get(pair.before());
      SiteModel a = pair.after() == null ? null : after.sites().get(pair.after());
      Plans.Planned planned = pair.before() == null ? null : plans.sites().get(pair.before());
      sites.add(site(pair, b, a, planned, improved, regressed));
    }
    root.put(SITES, sites);
    root.put("cpuHotSpots", sideBySide(before.jvm().cpu().byApplicationFrame(), after.jvm().cpu().byApplicationFrame()));
    root.put("allocationHotSpots", sideBySide(before.jvm().allocation().byApplicationFrame(), after.jvm().allocation().byApplicationFrame()));
    root.put("improved", improved);
    root.put("regressed", regressed);
    return root;
  }

  /**
   * The paired sites whose RPCs sent, errors or p95 got worse by more than {@code share} of their
   * before value (from nothing to something counts as 100 %) and by more than noise (a call, a
   * millisecond), one line each.
   */
  @SuppressWarnings("unchecked")
  public static List<String> regressionsBeyond(Map<String, Object> comparison, double share) {
    List<String> worse = new ArrayList<>();
    for (Object item : (List<Object>) comparison.get(SITES)) {
      Map<String, Object> site = (Map<String, Object>) item;
      if (site.get("beforeName") == null || site.get("afterName") == null) {
        continue;
      }
      Map<String, Object> change = (Map<String, Object>) site.get("change");
      Map<String, Object> before = (Map<String, Object>) site.get("before");
      Map<String, Object> after = (Map<String, Object>) site.get("after");
      Map<String, Object> judged = (Map<String, Object>) site.get("judged");
      for (String metric : List.of("rpcsSent", "errors", "p95Ms")) {
        if (!Boolean.TRUE.equals(judged.get(metric))) {
          continue;
        }
        double ratio = ((Number) change.get(metric)).doubleValue();
        double grew = ((Number) after.get(metric)).doubleValue() - ((Number) before.get(metric)).doubleValue();
        if (ratio > share && grew > (metric.equals("p95Ms") ? LATENCY_NOISE_MS : 0.5)) {
          worse.add(site.get("name") + " " + metric + " " + Numbers.percentText(ratio) + " worse");
        }
      }
    }
    return worse;
  }

  /** Sites with calls: an older recording's retry decisions can name a route nothing called. */
  private static Set<String> called(Model model) {
    Set<String> names = new TreeSet<>();
    model.sites().values().stream().filter(s -> s.calls() > 0).forEach(s -> names.add(s.name()));
    return names;
  }

  /** What the analyzer would have planned from the before run, to check it against the after run. */
  private static Plans plans(Model before) {
    Thresholds defaults = new Thresholds();
    return Plans.of(before, RuleRunner.run(before, defaults).findings(), defaults);
  }

  private static Map<String, Object> runFacts(Model model) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("files", model.run().files().stream().map(f -> f.path()).toList());
    json.put("durationMs", Numbers.millis(model.run().durationNanos()));
    json.put("calls", calls(model));
    json.put("rpcsSent", model.sites().values().stream().mapToLong(SiteModel::rpcsSent).sum());
    json.put("errors", model.sites().values().stream().mapToLong(SiteModel::errorCount).sum());
    json.put("cpuSamples", model.jvm().cpu().value());
    json.put("partial", model.run().partial());
    return json;
  }

  private static long calls(Model model) {
    return model.sites().values().stream().mapToLong(SiteModel::calls).sum();
  }

  private static Map<String, Object> pairing(List<SitePairs.Pair> pairs) {
    Map<String, Object> json = new LinkedHashMap<>();
    long paired = pairs.stream().filter(SitePairs.Pair::paired).count();
    json.put("paired", paired);
    json.put("onlyBefore", pairs.stream().filter(p -> p.after() == null).map(SitePairs.Pair::before).toList());
    json.put("onlyAfter", pairs.stream().filter(p -> p.before() == null).map(SitePairs.Pair::after).toList());
    json.put("note", paired == 0 && !pairs.isEmpty()
        ? "No site of one run pairs with a site of the other, even without host and port: the runs"
            + " called different things, so their sites cannot be compared."
        : "");
    return json;
  }

  /** The run's figures, and where the plan was applied, the replay's prediction for them. */
  private static List<Object> headline(Model before, Model after, List<SitePairs.Pair> pairs, Plans plans) {
    List<Object> rows = new ArrayList<>();
    double predictedSent = 0;
    double predictedErrors = 0;
    boolean anyApplied = false;
    for (SitePairs.Pair pair : pairs) {
      SiteModel b = pair.before() == null ? null : before.sites().get(pair.before());
      SiteModel a = pair.after() == null ? null : after.sites().get(pair.after());
      if (a == null) {
        continue;
      }
      Plans.Planned planned = b == null ? null : plans.sites().get(b.name());
      boolean applied = planned != null && applied(a);
      anyApplied |= applied;
      Prediction p = applied ? planned.prediction() : null;
      predictedSent += a.calls() * (p != null ? perCall(p.rpcsSentAfter(), p.calls()) : b == null ? 0 : perCall(b.rpcsSent(), b.calls()));
      predictedErrors += a.calls() * (p != null ? perCall(p.errorsAfter(), p.calls()) : b == null ? 0 : perCall(b.errorCount(), b.calls()));
    }
    long sentBefore = before.sites().values().stream().mapToLong(SiteModel::rpcsSent).sum();
    long sentAfter = after.sites().values().stream().mapToLong(SiteModel::rpcsSent).sum();
    long errorsBefore = before.sites().values().stream().mapToLong(SiteModel::errorCount).sum();
    long errorsAfter = after.sites().values().stream().mapToLong(SiteModel::errorCount).sum();
    double fewCalls = COUNT_NOISE * calls(after);
    rows.add(row("RPCs sent", sentBefore, sentAfter, anyApplied ? predictedSent : null, fewCalls));
    rows.add(row("errors the application saw", errorsBefore, errorsAfter, anyApplied ? predictedErrors : null, fewCalls));
    rows.add(row("calls the application made", calls(before), calls(after), null, 0));
    for (SitePairs.Pair pair : pairs) {
      if (pair.paired() && before.sites().get(pair.before()).idempotent()) {
        SiteModel b = before.sites().get(pair.before());
        SiteModel a = after.sites().get(pair.after());
        Plans.Planned planned = plans.sites().get(b.name());
        Double predicted = planned != null && applied(a) ? Numbers.millis(planned.prediction().p95After()) : null;
        boolean judged = enoughCalls("p95Ms", b, a);
        Map<String, Object> p95 = row("p95 ms of " + pair.name(), Numbers.millis(b.latencies().percentile(95)),
            Numbers.millis(a.latencies().percentile(95)), predicted, judged ? LATENCY_NOISE_MS : Double.MAX_VALUE);
        p95.put("judged", judged);
        p95.put("changed", judged && (Boolean) p95.get("changed"));
        rows.add(p95);
      }
    }
    rows.add(row("CPU samples per 1,000 calls", Numbers.ratio(1000.0 * before.jvm().cpu().value() / Math.max(1, calls(before))),
        Numbers.ratio(1000.0 * after.jvm().cpu().value() / Math.max(1, calls(after))), null, 0));
    return rows;
  }

  /** Whether the after run shows a cache or retry at work on this site. */
  private static boolean applied(SiteModel after) {
    return after.outcomes().get(Outcome.CACHE_HIT) + after.outcomes().get(Outcome.COALESCED) + after.retries() > 0
        || !after.retryDecisions().top(1).isEmpty();
  }

  private static double perCall(long count, long calls) {
    return calls == 0 ? 0 : (double) count / calls;
  }

  private static Map<String, Object> row(String metric, double before, double after, Double predicted, double noise) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("metric", metric);
    json.put("before", before);
    json.put("after", after);
    json.put("change", Numbers.share(change(before, after)));
    json.put("predicted", predicted == null ? null : Numbers.ratio(predicted));
    json.put("offPrediction", predicted != null && off(predicted, after, noise));
    json.put("judged", true);
    json.put("changed", Math.abs(change(before, after)) >= NOISE && Math.abs(after - before) > noise);
    return json;
  }

  /**
   * Whether a measure is further from its prediction than {@link #PREDICTION_TOLERANCE} of it, and
   * by more than {@code noise} (a millisecond of p95, a few calls in thousands).
   */
  private static boolean off(double predicted, double measured, double noise) {
    double difference = Math.abs(measured - predicted);
    return difference > PREDICTION_TOLERANCE * Math.max(Math.abs(predicted), 1) && difference > noise;
  }

  private static double change(double before, double after) {
    return before == 0 ? (after == 0 ? 0 : 1) : (after - before) / before;
  }

  private static Map<String, Object> site(
      SitePairs.Pair pair, SiteModel before, SiteModel after, Plans.Planned planned,
      List<String> improved, List<String> regressed) {
    Map<String, Object> b = metrics(before);
    Map<String, Object> a = metrics(after);
    Map<String, Object> change = new LinkedHashMap<>();
    Map<String, Object> judgedMetrics = new LinkedHashMap<>();
    boolean cacheAnswers = answered(before) + answered(after) > 0;
    for (String metric : List.of("rpcsSent", "errors", "p50Ms", "p95Ms", "p99Ms")) {
      double x = ((Number) b.get(metric)).doubleValue();
      double y = ((Number) a.get(metric)).doubleValue();
      double ratio = change(x, y);
      change.put(metric, Numbers.share(ratio));
      boolean judged = pair.paired() && !(metric.equals("p50Ms") && cacheAnswers) && enoughCalls(metric, before, after);
      judgedMetrics.put(metric, judged);
      String line = pair.name() + " " + metric + ": " + Numbers.plain(x) + " → " + Numbers.plain(y)
          + " (" + (ratio > 0 ? "+" : "") + Math.round(ratio * 100) + "%)";
      if (judged && ratio <= -NOISE) {
        improved.add(line);
      } else if (judged && ratio >= NOISE && y - x > 0.5) {
        regressed.add(line + retryTradeOff(metric, before, after));
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", pair.name());
    json.put("beforeName", pair.before());
    json.put("afterName", pair.after());
    json.put("hostBefore", pair.before() == null ? null : SitePairs.host(pair.before()));
    json.put("hostAfter", pair.after() == null ? null : SitePairs.host(pair.after()));
    json.put("before", b);
    json.put("after", a);
    json.put("change", change);
    json.put("judged", judgedMetrics);
    json.put("prediction", planned == null || after == null || !applied(after) ? null : prediction(planned, after));
    return json;
  }

  /**
   * Whether both runs have {@link #CALLS_BEYOND_PERCENTILE} calls beyond a percentile metric's
   * rank (counts are always judged).
   */
  private static boolean enoughCalls(String metric, SiteModel before, SiteModel after) {
    double tail = switch (metric) {
      case "p50Ms" -> 0.5;
      case "p95Ms" -> 0.05;
      case "p99Ms" -> 0.01;
      default -> 1;
    };
    long calls = Math.min(before == null ? 0 : before.calls(), after == null ? 0 : after.calls());
    return tail == 1 || calls * tail >= CALLS_BEYOND_PERCENTILE;
  }

  /** Why a tail grew where a retry now turns failures into late successes: the price of fewer errors. */
  private static String retryTradeOff(String metric, SiteModel before, SiteModel after) {
    boolean tail = metric.equals("p95Ms") || metric.equals("p99Ms");
    if (!tail || after.retries() == 0 || after.errorCount() >= before.errorCount()) {
      return "";
    }
    return " — " + after.retries() + " retries: calls that failed before now succeed after a backoff (errors "
        + before.errorCount() + " → " + after.errorCount() + ")";
  }

  private static long answered(SiteModel site) {
    return site == null ? 0 : site.outcomes().get(Outcome.CACHE_HIT) + site.outcomes().get(Outcome.COALESCED);
  }

  /** The replay's prediction per call, scaled to the after run's calls, beside the measure. */
  private static Map<String, Object> prediction(Plans.Planned planned, SiteModel after) {
    Prediction p = planned.prediction();
    double sent = after.calls() * perCall(p.rpcsSentAfter(), p.calls());
    double errors = after.calls() * perCall(p.errorsAfter(), p.calls());
    double p95 = Numbers.millis(p.p95After());
    double measuredP95 = Numbers.millis(after.latencies().percentile(95));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("plan", Plans.words(planned.plan()));
    json.put("rpcsSent", Numbers.ratio(sent));
    json.put("errors", Numbers.ratio(errors));
    json.put("p95Ms", p95);
    json.put("rpcsSentOff", off(sent, after.rpcsSent(), COUNT_NOISE * after.calls()));
    json.put("errorsOff", off(errors, after.errorCount(), COUNT_NOISE * after.calls()));
    json.put("p95Off", off(p95, measuredP95, LATENCY_NOISE_MS));
    return json;
  }

  private static Map<String, Object> metrics(SiteModel site) {
    Map<String, Object> json = new LinkedHashMap<>();
    Latencies latencies = site == null ? new Latencies() : site.latencies();
    json.put("calls", site == null ? 0 : site.calls());
    json.put("rpcsSent", site == null ? 0 : site.rpcsSent());
    json.put("errors", site == null ? 0 : site.errorCount());
    json.put("cacheHits", answered(site));
    json.put("retries", site == null ? 0 : site.retries());
    json.put("p50Ms", Numbers.millis(latencies.percentile(50)));
    json.put("p95Ms", Numbers.millis(latencies.percentile(95)));
    json.put("p99Ms", Numbers.millis(latencies.percentile(99)));
    json.put("latencyHistogramLog2Ns", latencies.log2Buckets());
    return json;
  }

  private static List<Object> sideBySide(LongCounts before, LongCounts after) {
    double totalBefore = Math.max(1, before.total());
    double totalAfter = Math.max(1, after.total());
    TreeSet<String> methods = new TreeSet<>(before.top(10).keySet());
    methods.addAll(after.top(10).keySet());
    List<Object> rows = new ArrayList<>();
    for (String method : methods) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("method", method);
      row.put("beforeShare", Numbers.share(before.get(method) / totalBefore));
      row.put("afterShare", Numbers.share(after.get(method) / totalAfter));
      rows.add(row);
    }
    return rows;
  }
}
