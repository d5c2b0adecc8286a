package io.perfweave.analyzer.model;

import io.perfweave.contract.JsonRpcDialects;
import io.perfweave.contract.Outcome;
import java.util.Arrays;
import java.util.Map;

/** Everything the recordings say about one call site. */
public final class SiteModel {

  private final String name;
  private final boolean logsCalls;
  private long unlogged;
  private final LongCounts targets = new LongCounts();
  private final LongCounts rpcMethods = new LongCounts();
  private final LongCounts outcomes = new LongCounts();
  private final LongCounts errors = new LongCounts();
  private final LongCounts callers = new LongCounts();
  private final LongCounts retryDecisions = new LongCounts();
  private final Latencies latencies = new Latencies();
  private final Latencies sentLatencies = new Latencies();
  private final Latencies hitAges = new Latencies();
  private final KeyRepeats keys = new KeyRepeats();
  private final FanOut fanOut = new FanOut();
  private final SecondCounts perSecond = new SecondCounts(); // {calls, errors}
  private final LongCounts cpuInside = new LongCounts();
  private final LongCounts allocationInside = new LongCounts();
  private final CallLog callLog = new CallLog();
  private final java.util.TreeSet<String> sources = new java.util.TreeSet<>();
  private boolean idempotent;
  private String jsonRpcMethod = "";
  private long attempts;
  private long retries;
  private long unrecorded;
  private long firstStart = Long.MAX_VALUE;
  private long lastEnd = Long.MIN_VALUE;
  private TracedCall slowestTraced;
  private String lastSource = "";

  /** JDK 25's per-call event for methods named by {@code method-trace=} (JEP 520). */
  public static final String METHOD_TRACE = "jdk.MethodTrace";

  public SiteModel(String name) {
    this(name, true);
  }

  /** @param logsCalls whether calls go into the call log (not where it is full already) */
  SiteModel(String name, boolean logsCalls) {
    this.name = name;
    this.logsCalls = logsCalls;
  }

  /**
   * The name the model gives a recorded site: a built-in HTTP site's calls of one JSON-RPC method
   * are a site of their own ({@code http:host/path method}), since policies apply per method.
   */
  public static String modelName(String site, String rpcMethod) {
    return site.startsWith("http:") && !rpcMethod.isEmpty() && rpcMethod.indexOf(',') < 0
        ? site + " " + rpcMethod
        : site;
  }

  /**
   * Adds one call.
   *
   * @param followsOtherSite whether the previous call of the same thread was of another site
   */
  public void record(RecordedCall call, boolean followsOtherSite) {
    targets.add(call.target(), 1);
    if (!call.source().equals(lastSource)) {
      sources.add(call.source());
      lastSource = call.source();
    }
    if (!call.rpcMethod().isEmpty()) {
      rpcMethods.add(call.rpcMethod(), 1);
    }
    outcomes.add(call.outcome(), 1);
    idempotent |= call.idempotent();
    if (jsonRpcMethod.isEmpty() && call.site().startsWith("http:") && call.site().endsWith(" " + call.rpcMethod())) {
      jsonRpcMethod = call.rpcMethod();
    }
    latencies.record(call.durationNanos());
    if (call.sent()) {
      sentLatencies.record(call.durationNanos());
      attempts += Math.max(1, call.attempts());
      retries += Math.max(0, call.attempts() - 1);
    }
    if (call.failed()) {
      errors.add(call.error().isEmpty() ? "(unknown)" : call.error(), 1);
    }
    if (call.outcome().equals(Outcome.CACHE_HIT) || call.outcome().equals(Outcome.SHADOW_HIT)) {
      hitAges.record(call.cacheAgeNanos());
    }
    if (!call.caller().isEmpty()) {
      callers.add(call.caller(), 1);
      fanOut.record(call.caller(), call.threadId(), call.startNanos(), call.endNanos(), followsOtherSite);
    }
    if (call.keyHash() != 0) {
      keys.record(call.keyHash(), call.startNanos(), call.endNanos(), call.threadId());
    }
    long[] second = perSecond.at(call.endNanos() / 1_000_000_000L);
    second[0]++;
    second[1] += call.failed() ? 1 : 0;
    firstStart = Math.min(firstStart, call.startNanos());
    lastEnd = Math.max(lastEnd, call.endNanos());
    if (logsCalls) {
      callLog.record(call);
    } else {
      unlogged++;
    }
    if (!call.traceId().isEmpty()) {
      slowestTraced = TracedCall.slower(
          slowestTraced, new TracedCall(call.durationNanos(), call.traceId(), call.spanId()));
    }
  }

  /**
   * Adds calls the agent counted without an event of their own (a {@code perfweave.SiteStats}
   * of second {@code epochSecond}): the site's totals, outcomes and latencies include them; its
   * per-call analyses (keys, fan-out, the replay) read the calls recorded one by one.
   */
  public void recordUnrecorded(long epochSecond, Map<String, Long> byOutcome, org.HdrHistogram.Histogram calls) {
    byOutcome.forEach((outcome, count) -> {
      if (count > 0) {
        outcomes.add(outcome, count);
      }
    });
    latencies.add(calls);
    sources.add(io.perfweave.contract.Events.SITE_STATS);
    attempts += byOutcome.getOrDefault(Outcome.SUCCESS, 0L) + byOutcome.getOrDefault(Outcome.SHADOW_HIT, 0L);
    unrecorded += calls.getTotalCount();
    perSecond.at(epochSecond)[0] += calls.getTotalCount();
  }

  /** Calls counted by the agent without an event of their own (beyond its per-second budget). */
  public long unrecordedCalls() {
    return unrecorded;
  }

  public void recordRetryDecision(String decision) {
    retryDecisions.add(decision, 1);
  }

  public void recordCpuInside(String method, long samples) {
    cpuInside.add(method, samples);
  }

  public void recordAllocationInside(String type, long bytes) {
    allocationInside.add(type, bytes);
  }

  public void finish() {
    fanOut.finish();
  }

  /**
   * Adds a later chunk of the same recording: key repeats continue across the boundary. Its call
   * log moves here ({@code later}'s is left empty).
   */
  public void append(SiteModel later) {
    mergeAllButKeys(later);
    keys.append(later.keys);
  }

  /** Adds another, independent recording; its call log moves here ({@code other}'s is left empty). */
  public void merge(SiteModel other) {
    mergeAllButKeys(other);
    keys.merge(other.keys);
  }

  private void mergeAllButKeys(SiteModel other) {
    unrecorded += other.unrecorded;
    targets.merge(other.targets);
    sources.addAll(other.sources);
    rpcMethods.merge(other.rpcMethods);
    outcomes.merge(other.outcomes);
    errors.merge(other.errors);
    callers.merge(other.callers);
    retryDecisions.merge(other.retryDecisions);
    latencies.merge(other.latencies);
    sentLatencies.merge(other.sentLatencies);
    hitAges.merge(other.hitAges);
    fanOut.merge(other.fanOut);
    perSecond.add(other.perSecond);
    cpuInside.merge(other.cpuInside);
    allocationInside.merge(other.allocationInside);
    callLog.moveFrom(other.callLog);
    callLog.leftOut(other.unlogged);
    unlogged += other.unlogged;
    idempotent |= other.idempotent;
    if (jsonRpcMethod.isEmpty()) {
      jsonRpcMethod = other.jsonRpcMethod;
    }
    attempts += other.attempts;
    retries += other.retries;
    firstStart = Math.min(firstStart, other.firstStart);
    lastEnd = Math.max(lastEnd, other.lastEnd);
    slowestTraced = TracedCall.slower(slowestTraced, other.slowestTraced);
  }

  /** The slowest call recorded with an OpenTelemetry span, or null where none was. */
  public TracedCall slowestTraced() {
    return slowestTraced;
  }

  /** The most calls of this site in flight at once (over the first million calls). */
  public int maxConcurrency() {
    return callLog.maxConcurrency();
  }

  /** The calls themselves, for the what-if replay. */
  public CallLog callLog() {
    return callLog;
  }

  public String name() {
    return name;
  }

  public long calls() {
    return latencies.count();
  }

  /** Calls that reached the remote side, each retry counted: what the server received. */
  public long rpcsSent() {
    return attempts;
  }

  public long retries() {
    return retries;
  }

  public long errorCount() {
    return errors.total();
  }

  /**
   * Whether calling twice is as safe as calling once: declared so in the config (the agent never
   * records a known write matched by a pattern as idempotent), or, for a JSON-RPC method nobody
   * configured yet, a read by the dialect catalogue or by its name.
   */
  public boolean idempotent() {
    return idempotent || ReadMethods.looksLikeRead(jsonRpcMethod);
  }

  /** Why {@link #idempotent()} holds, for a finding's words. */
  public String idempotenceReason() {
    return idempotent
        ? "it is declared idempotent"
        : JsonRpcDialects.isKnownRead(jsonRpcMethod)
            ? "it is a read of the " + JsonRpcDialects.of(jsonRpcMethod).orElseThrow().dialect()
                + " JSON-RPC API (" + jsonRpcMethod + ")"
            : "its name says it reads (" + jsonRpcMethod + "; check that it changes nothing before applying)";
  }

  /** The JSON-RPC method of a built-in HTTP site's calls, or "" for other sites. */
  public String jsonRpcMethod() {
    return jsonRpcMethod;
  }

  /**
   * Whether a config can give this site a cache or retry: a woven {@code Type#method}, or a
   * JSON-RPC method ({@code http.jsonRpc.methods}); a plain HTTP route cannot be configured.
   */
  public boolean canApplyPolicies() {
    return !jsonRpcMethod.isEmpty() || mainTarget().contains("#");
  }

  /** The event types this site's figures come from ({@code perfweave.RpcCall}, {@code jdk.MethodTrace}, …). */
  public java.util.SortedSet<String> sources() {
    return java.util.Collections.unmodifiableSortedSet(sources);
  }

  /** Whether every call came from a JDK method trace: no keys, results or errors are known. */
  public boolean tracedByJdkOnly() {
    return !sources.isEmpty() && sources.stream().allMatch(s -> s.equals(METHOD_TRACE));
  }

  public LongCounts targets() {
    return targets;
  }

  public String mainTarget() {
    return targets.top(1).keySet().stream().findFirst().orElse("");
  }

  public LongCounts rpcMethods() {
    return rpcMethods;
  }

  public LongCounts outcomes() {
    return outcomes;
  }

  public LongCounts errors() {
    return errors;
  }

  public LongCounts callers() {
    return callers;
  }

  public LongCounts retryDecisions() {
    return retryDecisions;
  }

  public Latencies latencies() {
    return latencies;
  }

  /** Latencies of calls that went to the remote side (no hits or coalesced calls). */
  public Latencies sentLatencies() {
    return sentLatencies;
  }

  public Latencies hitAges() {
    return hitAges;
  }

  public KeyRepeats keys() {
    return keys;
  }

  public FanOut fanOut() {
    return fanOut;
  }

  /** {calls, errors} by epoch second, in time order. */
  public Map<Long, long[]> perSecond() {
    return perSecond.bySecond();
  }

  public LongCounts cpuInside() {
    return cpuInside;
  }

  public LongCounts allocationInside() {
    return allocationInside;
  }

  public long firstStartNanos() {
    return firstStart == Long.MAX_VALUE ? 0 : firstStart;
  }

  public long lastEndNanos() {
    return lastEnd == Long.MIN_VALUE ? 0 : lastEnd;
  }
}
