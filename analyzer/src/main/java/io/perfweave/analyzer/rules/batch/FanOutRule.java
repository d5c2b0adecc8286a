package io.perfweave.analyzer.rules.batch;

import io.perfweave.analyzer.model.CallerPaths;
import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.Rule;
import io.perfweave.analyzer.rules.Scores;
import io.perfweave.analyzer.rules.Thresholds;
import io.perfweave.contract.Events;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sequential fan-out (N+1): one caller makes many calls of a site back to back on one thread. A
 * batch call (a JSON-RPC batch array, or a method that takes many keys) would cost about one
 * round trip instead of N.
 */
public final class FanOutRule implements Rule {

  static final String MIN_RUN_LENGTH = "batch.minRunLength";
  static final String MIN_RUNS = "batch.minRuns";

  @Override
  public String id() {
    return "sequential-fan-out";
  }

  @Override
  public Set<String> requiredEvents() {
    return Set.of(Events.RPC_CALL);
  }

  @Override
  public List<Finding> evaluate(Model model, Thresholds thresholds) {
    List<Finding> findings = new ArrayList<>();
    Set<String> plumbing = CallerPaths.plumbing(model);
    for (SiteModel site : model.sites().values()) {
      for (Map.Entry<String, Long> entry : site.fanOut().runs().top(3).entrySet()) {
        String path = entry.getKey();
        long runs = entry.getValue();
        long calls = site.fanOut().callsInRuns().get(path);
        double meanRun = (double) calls / runs;
        if (runs < thresholds.get(MIN_RUNS, 2) || meanRun < thresholds.get(MIN_RUN_LENGTH, 3)) {
          continue;
        }
        findings.add(finding(site, path, CallerPaths.meaningful(path, plumbing), runs, calls, meanRun, model));
      }
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
    evidence.put("meanRunLength", Math.round(meanRun * 10) / 10.0);
    evidence.put("longestRun", site.fanOut().longestRun().get(path));
    evidence.put("meanLatencyMs", site.sentLatencies().mean() / 1e6);
    String batchHint =
        site.rpcMethods().size() > 0
            ? "send the " + String.join(", ", site.rpcMethods().top(3).keySet())
                + " requests as one JSON-RPC batch array, or use the node's multi-key method"
            : "use a method that takes many keys at once, or send the calls concurrently";
    double share = (double) saving / Math.max(1, model.rpcNanos());
    return new Finding(
        id(),
        Scores.exp100(share, 0.05, 0.25),
        site.name(),
        "Batch " + site.name() + " in " + caller + ": runs of " + Math.round(meanRun)
            + " calls one after another (N+1)",
        evidence,
        caller + " called " + site.mainTarget() + " " + calls + " times in " + runs
            + " runs of back-to-back calls (longest " + site.fanOut().longestRun().get(path) + ").",
        saving,
        share,
        "(calls in runs − runs) × mean latency: one round trip per run instead of one per call",
        "Change the caller: " + batchHint + ". perfweave cannot batch calls for the application.",
        "",
        List.of());
  }
}
