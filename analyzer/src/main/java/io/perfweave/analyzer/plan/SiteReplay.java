package io.perfweave.analyzer.plan;

import io.perfweave.analyzer.model.CallLog;
import io.perfweave.analyzer.model.Latencies;
import io.perfweave.analyzer.model.SecondCounts;
import io.perfweave.analyzer.model.SiteModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One site's calls in the what-if replay, through its planned policy as the agent's policy core
 * would run them: a cache entry is served until {@code ttl} after its call was sent, a call
 * starting while the same key is in flight joins it, a failure is not kept, a read at a moving
 * block tag is not cached unless the plan says so, a retried failure waits the mean of its
 * jittered backoff and fails again at the rate the site's sent calls failed (drawn from a fixed
 * seed, so a replay is reproducible), within the retry budget's window. {@link Replay} hands it
 * the calls in the order, and at the times, they would start.
 */
final class SiteReplay {

  private static final int BUDGET_WINDOW_SECONDS = 10;
  private static final int BUDGET_MIN_RETRIES = 10;
  private static final int MIN_KEY_CALLS = 10;

  private final CallLog log;
  private final SitePlan plan;
  private final long sentMedian;
  private final double failureRate;
  private final SplittableRandom random;
  // a JVM's key -> {sent, end, kept, result, the fetching call}
  private final Map<Long, long[]> entries = new HashMap<>();
  private final Map<Long, long[]> shared = new HashMap<>(); // key -> {stored, result, the fetching call}
  private Map<Long, long[]> changes; // key -> when its value changed, as the JVMs saw it, sorted
  private final SecondCounts budget = new SecondCounts(); // {calls, retries}
  private final Map<Long, long[]> staleByKey = new HashMap<>(); // key -> {calls, stale}
  private final Latencies before = new Latencies();
  private final Latencies after = new Latencies();
  private long sentBefore;
  private long sentAfter;
  private long errorsBefore;
  private long errorsAfter;
  private long answered;
  private long sharedAnswered;
  private long stale;

  SiteReplay(SiteModel site, SitePlan plan) {
    this.log = site.callLog();
    this.plan = plan;
    this.sentMedian = Math.max(0, site.sentLatencies().percentile(50));
    this.failureRate = failureRate(site, plan);
    this.random = new SplittableRandom(site.name().hashCode());
  }

  /** The share of sent calls that failed with an error the plan retries. */
  private static double failureRate(SiteModel site, SitePlan plan) {
    if (plan.retry() == null || site.rpcsSent() == 0) {
      return 0;
    }
    long retried = plan.retry().errors().stream().mapToLong(e -> site.errors().get(e)).sum();
    return Math.min(1, (double) retried / site.rpcsSent());
  }

  CallLog log() {
    return log;
  }

  /** Replays call {@code call} of the log as if it started at {@code start}; its latency. */
  long call(int call, long start) {
    before.record(log.duration(call));
    sentBefore += log.attempts(call);
    errorsBefore += log.failed(call) ? 1 : 0;
    long key = log.key(call);
    if (key != 0) {
      staleByKey.computeIfAbsent(key, k -> new long[2])[0]++;
    }
    boolean cacheable =
        plan.cache() != null && key != 0 && (!log.movingBlock(call) || plan.cache().cacheBlockTags());
    long ownKey = ownKey(call, key);
    long[] entry = cacheable ? entries.get(ownKey) : null;
    if (entry != null && answeredFromCache(call, start, entry)) {
      return start < entry[1] ? entry[1] - start : 0;
    }
    if (cacheable && answeredFromShared(call, start, key, ownKey)) {
      return 0;
    }
    return send(call, start, key, ownKey, cacheable);
  }

  /** A key of one JVM's own cache: the JVMs of a fleet do not share their first level. */
  private long ownKey(int call, long key) {
    int jvm = log.jvm(call);
    return jvm == 0 ? key : key ^ (0x9E3779B97F4A7C15L * jvm);
  }

  /**
   * The shared level answers with what any JVM's call stored there once it ended, until
   * {@code l2.ttl} after; the answer fills this JVM's own cache. Nothing is in flight there: a
   * call of another JVM for the same key is not joined.
   */
  private boolean answeredFromShared(int call, long start, long key, long ownKey) {
    long l2Ttl = plan.cache().l2TtlNanos();
    long[] stored = l2Ttl == 0 ? null : shared.get(key);
    if (stored == null || start < stored[0] || start >= stored[0] + l2Ttl) {
      return false;
    }
    answered++;
    sharedAnswered++;
    after.record(0);
    countStale(call, stored[1], (int) stored[2]);
    entries.put(ownKey, new long[] {start, start, 1, stored[1], stored[2]});
    return true;
  }

  /** Serves the call from a kept entry or a flight in progress, if one is there. */
  private boolean answeredFromCache(int call, long start, long[] entry) {
    if (start >= entry[0] + plan.cache().ttlNanos()) {
      return false;
    }
    boolean inFlight = start < entry[1];
    if (!inFlight && entry[2] == 0) {
      return false;
    }
    answered++;
    after.record(inFlight ? entry[1] - start : 0);
    errorsAfter += entry[2] == 0 ? 1 : 0;
    if (!inFlight) {
      countStale(call, entry[3], (int) entry[4]);
    }
    return true;
  }

  /**
   * Counts the call stale where the answer fetched by call {@code fetch} was: its value
   * ({@code result}) differs from what the call returned. Result hashes are keyed per process, so
   * across a fleet's JVMs they cannot be compared: there the answer was stale where the key's value
   * changed, as any JVM's own consecutive calls show it, after the fetch and by the call.
   */
  private void countStale(int call, long result, int fetch) {
    boolean stale =
        log.jvm(fetch) == log.jvm(call)
            ? log.result(call) != 0 && result != 0 && log.result(call) != result
            : changedBetween(log.key(call), log.start(fetch), log.start(call));
    if (stale) {
      this.stale++;
      staleByKey.get(log.key(call))[1]++;
    }
  }

  private boolean changedBetween(long key, long after, long byTime) {
    long[] times = changes().get(key);
    if (times == null) {
      return false;
    }
    int next = Arrays.binarySearch(times, after + 1);
    int first = next >= 0 ? next : -next - 1;
    return first < times.length && times[first] <= byTime;
  }

  /** Per key, the midpoints between two calls of one JVM that returned different values. */
  private Map<Long, long[]> changes() {
    if (changes == null) {
      Map<Long, List<Long>> found = new HashMap<>();
      Map<Long, Integer> lastByOwnKey = new HashMap<>();
      for (int call : log.byStart()) {
        long key = log.key(call);
        if (key == 0 || log.result(call) == 0) {
          continue;
        }
        Integer last = lastByOwnKey.put(ownKey(call, key), call);
        if (last != null && log.result(last) != log.result(call)) {
          found.computeIfAbsent(key, k -> new ArrayList<>())
              .add((log.start(last) + log.start(call)) / 2);
        }
      }
      changes = new HashMap<>();
      found.forEach((key, times) -> changes.put(key, times.stream().mapToLong(Long::longValue).sorted().toArray()));
    }
    return changes;
  }

  private long send(int call, long start, long key, long ownKey, boolean cacheable) {
    long latency = log.sent(call) ? log.duration(call) : sentMedian;
    boolean failed = log.sent(call) && log.failed(call);
    int attempts = 1;
    long[] window = budget.at(start / 1_000_000_000L);
    window[0]++;
    while (failed && retries(call) && attempts < plan.retry().maxAttempts() && budgetAllows(start)) {
      window[1]++;
      latency += plan.retry().meanBackoffNanos(attempts) + sentMedian;
      attempts++;
      failed = random.nextDouble() < failureRate;
    }
    sentAfter += attempts;
    errorsAfter += failed ? 1 : 0;
    after.record(latency);
    if (cacheable) {
      entries.put(ownKey, new long[] {start, start + latency, failed ? 0 : 1, log.result(call), call});
      if (!failed && plan.cache().l2TtlNanos() > 0) {
        shared.put(key, new long[] {start + latency, log.result(call), call});
      }
    }
    return latency;
  }

  private boolean retries(int call) {
    return plan.retry() != null && plan.retry().errors().contains(log.error(call));
  }

  private boolean budgetAllows(long start) {
    long second = start / 1_000_000_000L;
    long calls = 0;
    long retries = 0;
    for (long s = second - BUDGET_WINDOW_SECONDS + 1; s <= second; s++) {
      long[] counts = budget.get(s);
      if (counts != null) {
        calls += counts[0];
        retries += counts[1];
      }
    }
    return retries < plan.retry().budget() * calls + BUDGET_MIN_RETRIES;
  }

  /** The largest share of one key's calls answered stale, over keys called at least 10 times. */
  private double worstKeyStaleShare() {
    double worst = 0;
    for (long[] counts : staleByKey.values()) {
      if (counts[0] >= MIN_KEY_CALLS) {
        worst = Math.max(worst, (double) counts[1] / counts[0]);
      }
    }
    return worst;
  }

  Prediction prediction() {
    return new Prediction(
        before.count(), sentBefore, sentAfter, errorsBefore, errorsAfter,
        before.percentile(50), after.percentile(50), before.percentile(95), after.percentile(95),
        before.totalNanos(), after.totalNanos(), answered, sharedAnswered, stale, worstKeyStaleShare(),
        log.hasResults());
  }
}
