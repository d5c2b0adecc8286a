package io.perfweave.analyzer.summary;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfweave.analyzer.model.CallLog;
import io.perfweave.analyzer.model.JvmRun;
import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.plan.Planner;
import io.perfweave.analyzer.plan.Plans;
import io.perfweave.analyzer.read.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code analyze --summary-only} writes as model.json, and {@code analyze --merge} adds up:
 * a run's JVMs, and per site its counts, latency histogram, planned TTL and, for its busiest
 * keys (hashes, never the keys), the seconds in which each JVM called them. Never an event.
 * Summaries of any number of JVMs merge into one (a merged one merges again), from which the
 * share of calls a cache shared by the fleet would answer is estimated ({@link FleetEstimate}).
 */
public final class ModelSummary {

  public static final String FORMAT = "perfweave-model-summary/1";
  static final int MAX_KEYS = 1000;
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public String format = FORMAT;
  public List<JvmRun> jvms = new ArrayList<>();
  public long startMillis;
  public long endMillis;
  public Map<String, SiteSummary> sites = new TreeMap<>();

  /** The summary of an analyzed model, with the TTLs its plans chose and its values allow. */
  public static ModelSummary of(Model model, Plans plans, Planner planner) {
    ModelSummary summary = new ModelSummary();
    summary.jvms.addAll(model.jvms());
    summary.startMillis = model.run().startNanos() / 1_000_000;
    summary.endMillis = model.run().endNanos() / 1_000_000;
    model.sites().forEach(
        (name, site) -> summary.sites.put(name, site(site, plans.sites().get(name), planner)));
    return summary;
  }

  private static SiteSummary site(SiteModel site, Plans.Planned planned, Planner planner) {
    SiteSummary summary = new SiteSummary();
    summary.target = site.mainTarget();
    summary.jsonRpcMethod = site.jsonRpcMethod();
    summary.idempotent = site.idempotent();
    summary.canApplyPolicies = site.canApplyPolicies();
    summary.calls = site.calls();
    summary.rpcsSent = site.rpcsSent();
    summary.errors = site.errorCount();
    summary.outcomes = new TreeMap<>(site.outcomes().top(Integer.MAX_VALUE));
    summary.latencyLog2Ns = site.latencies().log2Buckets();
    summary.plannedTtlNanos =
        planned == null || planned.plan().cache() == null ? 0 : planned.plan().cache().ttlNanos();
    summary.longestAllowedTtlNanos = site.idempotent() ? planner.longestAllowedTtl(site) : 0;
    keys(site.callLog(), summary);
    return summary;
  }

  private static void keys(CallLog log, SiteSummary summary) {
    Map<Long, Map<Integer, TreeSet<Long>>> seconds = new HashMap<>();
    Map<Long, Long> calls = new HashMap<>();
    for (int call = 0; call < log.size(); call++) {
      long key = log.key(call);
      if (key != 0) {
        calls.merge(key, 1L, Long::sum);
        seconds.computeIfAbsent(key, k -> new TreeMap<>())
            .computeIfAbsent(log.jvm(call), j -> new TreeSet<>())
            .add(Math.floorDiv(log.start(call), 1_000_000_000L));
      }
    }
    summary.keysCapped = calls.size() > MAX_KEYS;
    calls.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(MAX_KEYS)
        .forEach(e -> {
          KeyActivity activity = new KeyActivity();
          activity.calls = e.getValue();
          seconds.get(e.getKey()).forEach((jvm, set) -> activity.secondsByJvm.put(jvm, Seconds.encode(set)));
          summary.keys.put(Long.toHexString(e.getKey()), activity);
        });
  }

  /** The summaries of every JVM in {@code parts}, as one. */
  public static ModelSummary merge(List<ModelSummary> parts) {
    ModelSummary merged = new ModelSummary();
    merged.startMillis = Long.MAX_VALUE;
    for (ModelSummary part : parts) {
      int offset = merged.jvms.size();
      merged.jvms.addAll(part.jvms);
      merged.startMillis = Math.min(merged.startMillis, part.startMillis);
      merged.endMillis = Math.max(merged.endMillis, part.endMillis);
      part.sites.forEach((name, site) -> merged.sites.computeIfAbsent(name, n -> new SiteSummary()).merge(site, offset));
    }
    merged.startMillis = merged.startMillis == Long.MAX_VALUE ? 0 : merged.startMillis;
    return merged;
  }

  public void write(Path file) throws IOException {
    JSON.writeValue(file.toFile(), this);
  }

  /** A model.json, or a directory holding one; a clear message where it is not one. */
  public static ModelSummary read(Path input) throws BadInputException {
    Path file = Files.isDirectory(input) ? input.resolve("model.json") : input;
    ModelSummary summary;
    try {
      summary = JSON.readValue(file.toFile(), ModelSummary.class);
    } catch (IOException | RuntimeException e) {
      throw new BadInputException(file + ": not a summary written by analyze --summary-only ("
          + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()) + ")");
    }
    if (!FORMAT.equals(summary.format)) {
      throw new BadInputException(file + ": a summary of format " + summary.format + ", this analyzer reads " + FORMAT);
    }
    return summary;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
