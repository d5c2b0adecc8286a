package io.perfweave.analyzer.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.perfweave.analyzer.model.JvmRun;
import io.perfweave.analyzer.model.Latencies;
import io.perfweave.analyzer.model.LongCounts;
import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.model.RunFacts;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.model.TracedCall;
import io.perfweave.analyzer.plan.Plans;
import io.perfweave.analyzer.plan.PredictionJson;
import io.perfweave.analyzer.rules.Finding;
import io.perfweave.analyzer.rules.RuleRunner;
import io.perfweave.contract.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * report.json: the model and the recommendations as plain JSON with stable field names
 * (documented in docs/report-json.md), for people and for CI assertions. Times are milliseconds
 * unless a name says otherwise.
 */
public final class JsonReport {

  /** Bumped on any change a reader could notice. */
  public static final int SCHEMA_VERSION = 2;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static Map<String, Object> build(Model model, RuleRunner.Result rules, Plans plans) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("generator", "perfweave-analyzer");
    root.put("partial", model.run().partial());
    root.put("run", run(model.run()));
    root.put("jvms", jvms(model));
    root.put("quality", quality(model, rules.findings()));
    root.put("summary", summary(model));
    root.put("prediction", prediction(model, plans));
    List<Object> sites = new ArrayList<>();
    model.sites().values().forEach(s -> sites.add(site(s, model, plans.sites().get(s.name()))));
    root.put("sites", sites);
    root.put("methodTimings", methodTimings(model));
    root.put("hotMethods", hotMethods(model));
    root.put("allocation", allocation(model));
    root.put("gc", gc(model));
    root.put("locks", locks(model));
    root.put("exceptions", exceptions(model));
    root.put("socketIo", socketIo(model));
    root.put("rules", rules.outcomes());
    root.put("recommendations", recommendations(plans.findings()));
    return root;
  }

  /**
   * Loads and initialises the JSON writer (Jackson's classes and its serializers for maps, lists,
   * strings, numbers and booleans), for a thread of its own while the recordings are read: on a
   * small recording that was a fifth of the main thread's time.
   */
  public static void warmUp() {
    try {
      JSON.writeValueAsString(
          inStableOrder(Map.of("text", "", "count", 1L, "share", 0.5, "flag", true, "list", List.of(1))));
    } catch (IOException | RuntimeException ignored) {
      // the report is written the same way later, and fails there if it must
    }
  }

  public static void write(Map<String, Object> report, Path file) throws IOException {
    JSON.writeValue(file.toFile(), inStableOrder(report));
  }

  public static String toJson(Object value) throws IOException {
    return JSON.writeValueAsString(inStableOrder(value));
  }

  /**
   * The value with every map and set that has no order of its own sorted by key: {@code Map.of}
   * and {@code Set.of} iterate in an order that changes from one JVM to the next, which made two
   * analyses of the same recording differ in their files. Maps and sets built in an order (linked
   * or sorted) keep it.
   */
  static Object inStableOrder(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> ordered = map instanceof LinkedHashMap<?, ?> || map instanceof java.util.SortedMap<?, ?>
          ? new LinkedHashMap<>()
          : new java.util.TreeMap<>(java.util.Comparator.comparing(String::valueOf));
      map.forEach((key, entry) -> ordered.put(key, inStableOrder(entry)));
      return ordered;
    }
    if (value instanceof java.util.Set<?> set
        && !(set instanceof java.util.LinkedHashSet<?> || set instanceof java.util.SortedSet<?>)) {
      return set.stream().map(JsonReport::inStableOrder).sorted(java.util.Comparator.comparing(String::valueOf)).toList();
    }
    if (value instanceof java.util.Collection<?> collection) {
      return collection.stream().map(JsonReport::inStableOrder).toList();
    }
    return value;
  }

  private static Map<String, Object> run(RunFacts run) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("files", run.files());
    json.put("start", run.startNanos() == 0 ? null : Instant.ofEpochSecond(0, run.startNanos()).toString());
    json.put("end", run.endNanos() == 0 ? null : Instant.ofEpochSecond(0, run.endNanos()).toString());
    json.put("durationMs", Numbers.millis(run.durationNanos()));
    json.put("jvmVersion", run.jvmVersion());
    json.put("sampleSource", run.sampleSource());
    json.put("cpuSampleEvent", run.cpuSampleEvent());
    json.put("lostCpuSamples", run.lostCpuSamples());
    json.put("cpuEngine", run.cpuEngine());
    json.put("debugNonSafepoints", run.debugNonSafepoints());
    return json;
  }

  /** One row per JVM whose recordings these are (a fleet's, or one). */
  private static List<Map<String, Object>> jvms(Model model) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JvmRun jvm : model.jvms()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", jvm.id());
      row.put("pid", jvm.pid() == 0 ? null : jvm.pid());
      row.put("host", jvm.host().isEmpty() ? null : jvm.host());
      row.put("start", jvm.startMillis() == 0 ? null : Instant.ofEpochMilli(jvm.startMillis()).toString());
      row.put("files", jvm.files());
      row.put("calls", jvm.calls());
      row.put("rpcsSent", jvm.rpcsSent());
      row.put("answeredByCaches", jvm.answeredHere());
      row.put("errors", jvm.errors());
      rows.add(row);
    }
    return rows;
  }

  private static Map<String, Object> quality(Model model, List<Finding> findings) {
    List<String> notes = new ArrayList<>();
    int worst = 0;
    for (Finding finding : findings) {
      if (finding.rule().equals("recording-quality")) {
        notes.add(finding.title());
        worst = Math.max(worst, finding.score());
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("verdict", worst >= 50 ? "poor" : worst >= 25 ? "fair" : "good");
    json.put("cpuSamples", model.jvm().cpu().value());
    json.put("lostBytes", model.run().lostBytes());
    json.put("notes", notes);
    return json;
  }

  private static Map<String, Object> summary(Model model) {
    Map<String, Object> json = new LinkedHashMap<>();
    long calls = model.sites().values().stream().mapToLong(SiteModel::calls).sum();
    long sent = model.sites().values().stream().mapToLong(SiteModel::rpcsSent).sum();
    long errors = model.sites().values().stream().mapToLong(SiteModel::errorCount).sum();
    json.put("sites", model.sites().size());
    json.put("calls", calls);
    json.put("rpcsSent", sent);
    json.put("errors", errors);
    json.put("rpcTimeMs", Numbers.millis(model.rpcNanos()));
    json.put("rpcTimeShareOfRun", share(model.rpcNanos(), model.run().durationNanos()));
    return json;
  }

  /**
   * The whole run with suggested-config.yaml, as the replay predicts it: planned sites replayed,
   * the others as recorded.
   */
  private static Map<String, Object> prediction(Model model, Plans plans) {
    long sentBefore = 0;
    long sentAfter = 0;
    long errorsBefore = 0;
    long errorsAfter = 0;
    long saving = 0;
    for (SiteModel site : model.sites().values()) {
      Plans.Planned planned = plans.sites().get(site.name());
      sentBefore += site.rpcsSent();
      errorsBefore += site.errorCount();
      sentAfter += planned == null ? site.rpcsSent() : planned.prediction().rpcsSentAfter();
      errorsAfter += planned == null ? site.errorCount() : planned.prediction().errorsAfter();
      saving += planned == null ? 0 : planned.prediction().savingNanos();
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("plannedSites", plans.sites().size());
    json.put("rpcsSentBefore", sentBefore);
    json.put("rpcsSentAfter", sentAfter);
    json.put("errorsBefore", errorsBefore);
    json.put("errorsAfter", errorsAfter);
    json.put("savingMs", Numbers.millis(saving));
    return json;
  }

  private static Map<String, Object> plan(Plans.Planned planned) {
    if (planned == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("words", Plans.words(planned.plan()));
    json.put("cache", planned.plan().cacheYaml());
    json.put("cacheTtlMs", planned.plan().cache() == null ? null : Numbers.millis(planned.plan().cache().ttlNanos()));
    json.put("cacheBlockTags", planned.plan().cache() != null && planned.plan().cache().cacheBlockTags());
    json.put("retry", planned.plan().retryYaml());
    json.put("prediction", PredictionJson.of(planned.prediction()));
    return json;
  }

  private static Map<String, Object> site(SiteModel site, Model model, Plans.Planned planned) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", site.name());
    json.put("sources", site.sources());
    json.put("targets", site.targets().top(10));
    json.put("rpcMethods", site.rpcMethods().top(20));
    json.put("idempotent", site.idempotent());
    json.put("calls", site.calls());
    json.put("rpcsSent", site.rpcsSent());
    json.put("errors", site.errorCount());
    json.put("errorsByType", site.errors().top(10));
    json.put("retries", site.retries());
    json.put("retryDecisions", site.retryDecisions().top(10));
    json.put("outcomes", site.outcomes().top(10));
    json.put("unrecordedCalls", site.unrecordedCalls());
    json.put("cacheHits", site.outcomes().get(Outcome.CACHE_HIT));
    json.put("coalesced", site.outcomes().get(Outcome.COALESCED));
    json.put("shadowHits", site.outcomes().get(Outcome.SHADOW_HIT));
    json.put("latencyMs", latency(site.latencies()));
    json.put("sentLatencyMs", latency(site.sentLatencies()));
    json.put("totalTimeMs", Numbers.millis(site.latencies().totalNanos()));
    json.put("shareOfRpcTime", share(site.latencies().totalNanos(), model.rpcNanos()));
    json.put("repeatedKeyShare", Numbers.share(site.keys().repeatShare()));
    json.put("distinctKeys", site.keys().distinctKeys());
    json.put("distinctKeysCapped", site.keys().capped());
    json.put("repeatIntervalMs", Map.of(
        "p50", Numbers.millis(site.keys().intervals().percentile(50)),
        "p75", Numbers.millis(site.keys().intervals().percentile(75))));
    json.put("repeatIntervalHistogramLog2Ns", site.keys().intervals().log2Buckets());
    json.put("concurrentDuplicates", site.keys().concurrentDuplicates());
    json.put("maxConcurrency", site.maxConcurrency());
    json.put("callers", site.callers().top(10));
    json.put("cpuSamplesInside", site.cpuInside().total());
    json.put("topCpuInside", site.cpuInside().top(10));
    json.put("allocationBytesInside", site.allocationInside().total());
    json.put("latencyHistogramLog2Ns", site.latencies().log2Buckets());
    List<long[]> timeline = new ArrayList<>();
    site.perSecond().forEach((second, counts) -> timeline.add(new long[] {second, counts[0], counts[1]}));
    json.put("timeline", timeline);
    json.put("slowestTracedCall", tracedCall(site.slowestTraced()));
    json.put("plan", plan(planned));
    return json;
  }

  /**
   * JDK 25's method timings, one row per method (overload), beside the calls a site of the same
   * method recorded, where one did: the two counts of one run should agree.
   */
  private static List<Object> methodTimings(Model model) {
    List<Object> rows = new ArrayList<>();
    model.methodTimings().byMethod().forEach((key, timing) -> {
      int space = key.indexOf(' ');
      String method = key.substring(0, space);
      SiteModel site = model.sites().values().stream()
          .filter(s -> s.targets().get(method) > 0).findFirst().orElse(null);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("method", method);
      row.put("descriptor", key.substring(space + 1));
      row.put("invocations", timing.invocations());
      row.put("minMs", Numbers.millis(timing.minNanos()));
      row.put("averageMs", Numbers.millis(timing.averageNanos()));
      row.put("maxMs", Numbers.millis(timing.maxNanos()));
      row.put("totalMs", Numbers.millis(timing.averageNanos() * timing.invocations()));
      row.put("emissions", model.methodTimings().emissions(key));
      row.put("site", site == null ? null : site.name());
      row.put("siteCalls", site == null ? null : site.targets().get(method));
      rows.add(row);
    });
    return rows;
  }

  /** Where a tracing backend shows the site's slowest traced call; null where none was traced. */
  private static Map<String, Object> tracedCall(TracedCall call) {
    if (call == null) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("durationMs", Numbers.millis(call.durationNanos()));
    json.put("traceId", call.traceId());
    json.put("spanId", call.spanId());
    return json;
  }

  private static Map<String, Object> hotMethods(Model model) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("cpuSamples", model.jvm().cpu().value());
    json.put("self", model.jvm().cpu().self().top(20));
    json.put("total", model.jvm().cpu().total().top(20));
    json.put("byApplicationFrame", model.jvm().cpu().byApplicationFrame().top(20));
    json.put("perfweaveSamples", model.jvm().cpu().perfweaveValue());
    return json;
  }

  private static Map<String, Object> allocation(Model model) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("sampledBytes", model.jvm().allocation().value());
    json.put("byApplicationFrame", model.jvm().allocation().byApplicationFrame().top(20));
    json.put("perfweaveBytes", model.jvm().allocation().perfweaveValue());
    json.put("byType", model.jvm().allocationByType().top(20));
    return json;
  }

  private static Map<String, Object> gc(Model model) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("collections", model.jvm().gcPauses().count());
    json.put("pauseTotalMs", Numbers.millis(model.jvm().gcPauses().totalNanos()));
    json.put("longestPauseMs", Numbers.millis(model.jvm().gcPauses().max()));
    json.put("pauseShareOfRun", share(model.jvm().gcPauses().totalNanos(), model.run().durationNanos()));
    json.put("byCollectorMs", millis(model.jvm().gcByName()));
    return json;
  }

  private static Map<String, Object> locks(Model model) {
    Map<String, Object> byMonitor = new LinkedHashMap<>();
    model.jvm().lockNanosByMonitor().top(20).forEach(
        (monitor, nanos) ->
            byMonitor.put(monitor, Map.of("blockedMs", Numbers.millis(nanos), "count", model.jvm().lockCountByMonitor().get(monitor))));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("sources", List.copyOf(model.jvm().lockSources()));
    json.put("byMonitor", byMonitor);
    json.put("byApplicationFrameMs", millis(model.jvm().locks().byApplicationFrame()));
    return json;
  }

  private static Map<String, Object> exceptions(Model model) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("total", model.jvm().exceptionsByType().total());
    json.put("byType", model.jvm().exceptionsByType().top(20));
    json.put("byThrower", model.jvm().exceptionsByThrower().top(20));
    return json;
  }

  private static Map<String, Object> socketIo(Model model) {
    Map<String, Object> byHost = new LinkedHashMap<>();
    model.jvm().socketNanosByHost().top(20).forEach(
        (host, nanos) ->
            byHost.put(host, Map.of("totalMs", Numbers.millis(nanos), "count", model.jvm().socketCountByHost().get(host))));
    return Map.of("slowReadsAndWritesByHost", byHost);
  }

  private static List<Object> recommendations(List<Finding> findings) {
    List<Object> list = new ArrayList<>();
    int rank = 1;
    for (Finding finding : findings) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("rank", rank++);
      json.put("rule", finding.rule());
      json.put("severity", finding.severity());
      json.put("score", finding.score());
      json.put("subject", finding.subject());
      json.put("title", finding.title());
      json.put("evidence", finding.evidence());
      json.put("explanation", finding.explanation());
      json.put("estimatedSaving", Map.of(
          "ms", Numbers.millis(finding.savingNanos()),
          "share", Numbers.share(finding.savingShare()),
          "how", finding.savingHow()));
      json.put("fix", finding.fix());
      json.put("config", finding.config());
      list.add(json);
    }
    return list;
  }

  private static Map<String, Object> latency(Latencies latencies) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("p50", Numbers.millis(latencies.percentile(50)));
    json.put("p95", Numbers.millis(latencies.percentile(95)));
    json.put("p99", Numbers.millis(latencies.percentile(99)));
    json.put("max", Numbers.millis(latencies.max()));
    json.put("mean", Numbers.millis(latencies.mean()));
    return json;
  }

  private static Map<String, Object> millis(LongCounts nanos) {
    Map<String, Object> json = new LinkedHashMap<>();
    nanos.top(20).forEach((key, value) -> json.put(key, Numbers.millis(value)));
    return json;
  }

  private static double share(long part, long whole) {
    return whole <= 0 ? 0 : Numbers.share((double) part / whole);
  }

}
