package io.perfweave.analyzer;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.RpcCallRecord;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.plan.Plans;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.SiteSuggestion;
import io.perfweave.analyzer.rules.Thresholds;
import io.perfweave.contract.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The analyzer's planning and what-if replay ({@code Plans.of}) on a model of {@code sites}
 * sites of {@code calls} calls each, four threads calling 50 keys in turn, one call in ten
 * failing with an I/O error, and a cache finding and a retry finding on every site: the planner
 * replays each candidate TTL on its site, then the whole plan and each finding's part are
 * replayed over every site's calls. Run by {@code scripts/bench-plans.sh}, with the analyzer jar
 * on the class path ({@code -cp benchmarks.jar:perfweave-analyzer.jar}), so that two analyzer
 * builds compare side by side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class PlansBenchmark {

  private static final long MS = 1_000_000L;

  @Param({"4"})
  int sites;

  @Param({"250000"})
  int calls;

  private Model model;
  private List<Finding> findings;

  @Setup
  public void setUp() {
    model = new Model();
    findings = new ArrayList<>();
    long start = 1_700_000_000_000L * MS;
    for (int s = 0; s < sites; s++) {
      String name = "read" + s;
      for (int i = 0; i < calls; i++) {
        boolean failed = i % 10 == 9;
        long at = start + i * 5 * MS + s;
        model.site(name).record(new RpcCallRecord(name, "Reader#" + name, "",
            failed ? Outcome.ERROR : Outcome.SUCCESS, true, 1, failed ? "java.io.IOException" : "",
            1 + i % 50, 7, false, 0, at, at + 3 * MS, 1 + i % 4, "", "", ""), false);
      }
      findings.add(finding(name, "repeated-reads", Map.of("ttl", "100ms"), Map.of()));
      findings.add(finding(name, "transient-errors", Map.of(), Map.of("on", List.of("java.io.IOException"))));
    }
    model.sites().values().forEach(SiteModel::finish);
  }

  @Benchmark
  public Plans plan() {
    return Plans.of(model, findings, new Thresholds());
  }

  private static Finding finding(String site, String rule, Map<String, Object> cache, Map<String, Object> retry) {
    SiteSuggestion suggestion = new SiteSuggestion(site, "Reader", site, true, cache, retry);
    return Finding.of(rule, site).score(50).title(rule).config("x", List.of(suggestion)).build();
  }
}
