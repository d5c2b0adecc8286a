package io.perfweave.analyzer.report;

import io.perfweave.analyzer.model.Latencies;
import io.perfweave.analyzer.model.LongCounts;
import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.contract.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * compare.json: two runs side by side, per site and for CPU and allocation hot spots, with what
 * improved and what regressed and by how much. Lower is better for every compared metric.
 */
public final class Comparison {

  /** A change under this share either way is "unchanged". */
  static final double NOISE = 0.05;

  private Comparison() {}

  public static Map<String, Object> build(Model before, Model after) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schemaVersion", JsonReport.SCHEMA_VERSION);
    root.put("before", runFacts(before));
    root.put("after", runFacts(after));
    List<Object> sites = new ArrayList<>();
    List<String> improved = new ArrayList<>();
    List<String> regressed = new ArrayList<>();
    for (String name : new TreeSet<>(union(before.sites().keySet(), after.sites().keySet()))) {
      sites.add(site(name, before.sites().get(name), after.sites().get(name), improved, regressed));
    }
    root.put("sites", sites);
    root.put("cpuHotSpots", sideBySide(before.jvm().cpu().byApplicationFrame(), after.jvm().cpu().byApplicationFrame()));
    root.put("allocationHotSpots", sideBySide(before.jvm().allocation().byApplicationFrame(), after.jvm().allocation().byApplicationFrame()));
    root.put("improved", improved);
    root.put("regressed", regressed);
    return root;
  }

  private static Map<String, Object> runFacts(Model model) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("files", model.run().files().stream().map(f -> f.path()).toList());
    json.put("durationMs", Numbers.millis(model.run().durationNanos()));
    json.put("calls", model.sites().values().stream().mapToLong(SiteModel::calls).sum());
    json.put("rpcsSent", model.sites().values().stream().mapToLong(SiteModel::rpcsSent).sum());
    json.put("cpuSamples", model.jvm().cpu().value());
    json.put("partial", model.run().partial());
    return json;
  }

  private static Map<String, Object> site(
      String name, SiteModel before, SiteModel after, List<String> improved, List<String> regressed) {
    Map<String, Object> b = metrics(before);
    Map<String, Object> a = metrics(after);
    Map<String, Object> change = new LinkedHashMap<>();
    for (String metric : List.of("rpcsSent", "errors", "p50Ms", "p95Ms", "p99Ms")) {
      double x = ((Number) b.get(metric)).doubleValue();
      double y = ((Number) a.get(metric)).doubleValue();
      double ratio = x == 0 ? (y == 0 ? 0 : 1) : (y - x) / x;
      change.put(metric, Numbers.share(ratio));
      String line = name + " " + metric + ": " + Numbers.plain(x) + " → " + Numbers.plain(y) + " (" + (ratio > 0 ? "+" : "") + Math.round(ratio * 100) + "%)";
      if (before != null && after != null && ratio <= -NOISE) {
        improved.add(line);
      } else if (before != null && after != null && ratio >= NOISE && y - x > 0.5) {
        regressed.add(line);
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    json.put("before", b);
    json.put("after", a);
    json.put("change", change);
    return json;
  }

  private static Map<String, Object> metrics(SiteModel site) {
    Map<String, Object> json = new LinkedHashMap<>();
    Latencies latencies = site == null ? new Latencies() : site.latencies();
    json.put("calls", site == null ? 0 : site.calls());
    json.put("rpcsSent", site == null ? 0 : site.rpcsSent());
    json.put("errors", site == null ? 0 : site.errorCount());
    json.put("cacheHits", site == null ? 0 : site.outcomes().get(Outcome.CACHE_HIT) + site.outcomes().get(Outcome.COALESCED));
    json.put("retries", site == null ? 0 : site.retries());
    json.put("p50Ms", Numbers.millis(latencies.percentile(50)));
    json.put("p95Ms", Numbers.millis(latencies.percentile(95)));
    json.put("p99Ms", Numbers.millis(latencies.percentile(99)));
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

  private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    java.util.Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

}
