package io.perfweave.analyzer.rules.batch;

import io.perfweave.analyzer.model.CallerPaths;
import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.SiteRule;
import io.perfweave.analyzer.rules.Threshold;
import io.perfweave.analyzer.rules.Thresholds;
import io.perfweave.contract.JsonRpcDialects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sequential fan-out (N+1): one caller makes many calls of a site back to back on one thread. A
 * batch call (a JSON-RPC batch array, or a method that takes many keys) would cost about one
 * round trip instead of N.
 */
public final class FanOutRule extends SiteRule {

  static final Threshold MIN_RUN_LENGTH =
      new Threshold(
          "batch.minRunLength",
          3,
          "mean length of a caller's back-to-back runs of one site, before sequential-"
              + "fan-out reports it");
  static final Threshold MIN_RUNS =
      new Threshold(
          "batch.minRuns",
          2,
          "runs of back-to-back calls from one caller, before sequential-fan-out reports "
              + "it");

  @Override
  public String id() {
    return "sequential-fan-out";
  }


  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_RUN_LENGTH, MIN_RUNS);
  }

  @Override
  protected List<Finding> evaluate(SiteModel site, Model model, Thresholds thresholds) {
    List<Finding> findings = new ArrayList<>();
    Set<String> plumbing = CallerPaths.plumbing(model);
    for (Map.Entry<String, Long> entry : site.fanOut().runs().top(3).entrySet()) {
      String path = entry.getKey();
      long runs = entry.getValue();
      long calls = site.fanOut().callsInRuns().get(path);
      double meanRun = (double) calls / runs;
      if (runs < thresholds.get(MIN_RUNS) || meanRun < thresholds.get(MIN_RUN_LENGTH)) {
        continue;
      }
      findings.add(finding(site, path, CallerPaths.meaningful(path, plumbing), runs, calls, meanRun, model));
    }
    return findings;
  }


  private Finding finding(
      SiteModel site, String path, String caller, long runs, long calls, double meanRun, Model model) {
    long saving = (calls - runs) * site.sentLatencies().mean();
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("caller", caller);
    if (!path.equals(caller)) {
      evidence.put("callerPath", path);
    }
    evidence.put("runs", runs);
    evidence.put("callsInRuns", calls);
    evidence.put("meanRunLength", Numbers.ratio(meanRun));
    evidence.put("longestRun", site.fanOut().longestRun().get(path));
    evidence.put("meanLatencyMs", Numbers.millis(site.sentLatencies().mean()));
    String batchHint = batchHint(site);
    double share = (double) saving / Math.max(1, model.rpcNanos());
    return Finding.of(id(), site.name())
        .score(Scores.exp100(share, 0.05, 0.25))
        .title("Batch " + site.name() + " in " + caller + ": runs of " + Math.round(meanRun)
            + " calls one after another (N+1)")
        .evidence(evidence)
        .explanation(caller + " called " + site.mainTarget() + " " + calls + " times in " + runs
            + " runs of back-to-back calls (longest " + site.fanOut().longestRun().get(path) + ").")
        .saving(saving, share, "(calls in runs − runs) × mean latency: one round trip per run instead of one per call")
        .fix("Change the caller: " + batchHint + ". perfweave cannot batch calls for the application.")
        .build();
  }

  /**
   * How to batch: the dialect catalogue's method that answers many at once where it knows one
   * ({@code getMultipleAccounts} for {@code getAccountInfo}, the block with its transactions for
   * {@code eth_getTransactionByHash}), else a JSON-RPC batch array, else a multi-key method.
   */
  private static String batchHint(SiteModel site) {
    String method = site.jsonRpcMethod();
    Optional<String> batch = JsonRpcDialects.of(method).flatMap(JsonRpcDialects.Method::batch);
    if (batch.isPresent()) {
      return "call " + batch.get() + " once instead of " + method + " per key (it answers them"
          + " together), or send the requests as one JSON-RPC batch array";
    }
    return site.rpcMethods().size() > 0
        ? "send the " + String.join(", ", site.rpcMethods().top(3).keySet())
            + " requests as one JSON-RPC batch array, or use the node's multi-key method"
        : "use a method that takes many keys at once, or send the calls concurrently";
  }
}
