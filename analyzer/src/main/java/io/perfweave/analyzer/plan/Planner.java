package io.perfweave.analyzer.plan;

import io.perfweave.analyzer.model.CallLog;
import io.perfweave.analyzer.model.Latencies;
import io.perfweave.analyzer.model.Numbers;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.analyzer.model.TransientErrors;
import io.perfweave.analyzer.rules.Threshold;
import io.perfweave.analyzer.rules.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides one site's policy from what its findings ask for — a cache, a retry, or both — jointly:
 * the retry first, from the failure rate and how long failed and other calls take; then the TTL, chosen by
 * replaying the recorded calls with that retry in place. A TTL is the shortest that leaves at
 * most a tenth more calls to send than any allowed TTL would; where the recording has result
 * hashes, no TTL is allowed whose predicted stale reads exceed {@link #MAX_STALE_SHARE}, none
 * longer than half the time the site was watched, and only then may reads at a moving block tag
 * be cached ({@code cacheBlockTags}). Without result hashes the TTL stays within twice the time
 * most repeats take, and moving-block reads are not cached.
 */
public final class Planner {

  public static final Threshold MAX_STALE_SHARE =
      new Threshold(
          "cache.maxStaleShare",
          0.05,
          "share of one key's calls a planned cache may answer with a value that had changed "
              + "(from the recording's result hashes)");
  public static final Threshold MIN_SHARED_SHARE =
      new Threshold(
          "cache.minSharedShare",
          0.1,
          "share of a site's calls the fleet's shared cache (l2, through Redis) must answer in the"
              + " replay, beyond each JVM's own cache, before the plan includes it");
  public static final Threshold RESIDUAL_FAILURES =
      new Threshold(
          "retry.residualFailureRate",
          0.005,
          "share of calls a planned retry may leave failing, if failures are independent; "
              + "sets maxAttempts (2 to 5)");

  static final long MIN_TTL_NANOS = 10_000_000L;
  static final long HEURISTIC_MIN_TTL_NANOS = 100_000_000L;
  static final long MAX_TTL_NANOS = 300_000_000_000L;
  static final int MAX_ATTEMPTS = 5;
  /** A shorter TTL is chosen while it sends at most this many times what the best TTL sends. */
  static final double CLOSE_TO_BEST = 1.1;

  private final Thresholds thresholds;

  public Planner(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  public static List<Threshold> thresholds() {
    return List.of(MAX_STALE_SHARE, MIN_SHARED_SHARE, RESIDUAL_FAILURES);
  }

  /** The plan for {@code site}; its cache is null where no TTL would answer anything. */
  public SitePlan plan(SiteModel site, boolean wantsCache, boolean wantsRetry) {
    SitePlan plan = SitePlan.NONE;
    if (wantsRetry) {
      plan = plan.withRetry(retry(site));
    }
    return wantsCache ? plan.withCache(cache(site, plan)) : plan;
  }

  /**
   * The cache that answers nearly the most calls at the shortest TTL, or null for none. Where the
   * recordings are a fleet's (several JVMs calling the site), the same choice is made again with a
   * level the JVMs share (its TTL the cache's), and taken if the replay has that level answer at
   * least {@link #MIN_SHARED_SHARE} of the calls: a fleet whose JVMs each call a key too rarely
   * for their own cache may still repeat each other's calls often.
   */
  SitePlan.Cache cache(SiteModel site, SitePlan withRetry) {
    Candidate own = choose(site, withRetry, false);
    Candidate shared = site.callLog().jvmCount() < 2 ? null : choose(site, withRetry, true);
    if (shared != null
        && shared.prediction().sharedAnswered() >= thresholds.get(MIN_SHARED_SHARE) * shared.prediction().calls()) {
      return shared.cache();
    }
    return own == null ? null : own.cache();
  }

  SitePlan.Retry retry(SiteModel site) {
    Set<String> errors = new LinkedHashSet<>();
    long failed = 0;
    for (var error : site.errors().top(Integer.MAX_VALUE).entrySet()) {
      if (TransientErrors.isTransient(error.getKey())) {
        errors.add(error.getKey());
        failed += error.getValue();
      }
    }
    double rate = site.rpcsSent() == 0 ? 0 : Math.min(1, (double) failed / site.rpcsSent());
    int attempts = 2;
    while (attempts < MAX_ATTEMPTS && Math.pow(rate, attempts) > thresholds.get(RESIDUAL_FAILURES)) {
      attempts++;
    }
    long backoff = backoff(site, errors);
    return new SitePlan.Retry(
        attempts, backoff, backoff * 8, Math.max(0.1, Math.min(0.5, Math.ceil(rate * 20) / 10)),
        errors, exceptionTypes(errors), statuses(errors));
  }

  /**
   * The first backoff: half the median time of a failed call or of a call, whichever is shorter
   * (full jitter then waits a quarter on average), at least 1 ms. A failure that comes back fast
   * (a 503 from a front, a reset) is retried about as fast; the budget, not the wait, is what
   * keeps an outage from turning into a storm.
   */
  private static long backoff(SiteModel site, Set<String> errors) {
    Latencies failed = new Latencies();
    CallLog log = site.callLog();
    for (int i = 0; i < log.size(); i++) {
      if (log.failed(i) && errors.contains(log.error(i))) {
        failed.record(log.duration(i));
      }
    }
    long typical = site.sentLatencies().percentile(50);
    long shorter = failed.count() == 0 ? typical : Math.min(typical, failed.percentile(50));
    return Math.max(1_000_000L, Numbers.niceNanos(shorter / 2));
  }

  private static List<String> exceptionTypes(Set<String> errors) {
    return errors.stream()
        .filter(type -> TransientErrors.status(type) < 0)
        .map(type -> type.startsWith("java.io.") || type.startsWith("java.net.") ? "java.io.IOException" : type)
        .distinct()
        .toList();
  }

  private static List<Integer> statuses(Set<String> errors) {
    return errors.stream().map(TransientErrors::status).filter(s -> s > 0).sorted().toList();
  }

  /** {@link #cache}'s choice, with or without the shared level, and its replay; null for none. */
  private Candidate choose(SiteModel site, SitePlan withRetry, boolean shared) {
    List<Candidate> allowed = allowed(site, withRetry, shared);
    if (allowed.stream().allMatch(c -> c.answered() == 0)) {
      return null;
    }
    long fewest = allowed.stream().mapToLong(Candidate::unanswered).min().orElseThrow();
    // candidates come without block tags first, each by rising TTL
    return allowed.stream()
        .filter(c -> c.unanswered() <= CLOSE_TO_BEST * fewest)
        .findFirst()
        .orElseThrow();
  }

  /**
   * The longest TTL a cache of this site may have by the stale bound alone (no more, where the
   * recording has no result hashes, than twice the time most repeats take); 0 where none may.
   * What a summary carries so that a fleet's shared cache is not proposed for longer.
   */
  public long longestAllowedTtl(SiteModel site) {
    return allowed(site, SitePlan.NONE, false).stream()
        .filter(c -> !c.cache().cacheBlockTags())
        .mapToLong(c -> c.cache().ttlNanos())
        .max()
        .orElse(0);
  }

  /** The candidate caches within the stale bound: without block tags first, each by rising TTL. */
  private List<Candidate> allowed(SiteModel site, SitePlan withRetry, boolean shared) {
    CallLog log = site.callLog();
    boolean resultsKnown = log.hasResults();
    List<Candidate> allowed = new ArrayList<>();
    for (boolean blockTags : resultsKnown && log.hasMovingBlockReads() ? new boolean[] {false, true} : new boolean[] {false}) {
      for (long ttl : ttls(site, resultsKnown)) {
        SitePlan.Cache cache = new SitePlan.Cache(ttl, blockTags, shared ? ttl : 0);
        Prediction prediction = Replay.of(site, withRetry.withCache(cache));
        if (prediction.worstKeyStaleShare() > thresholds.get(MAX_STALE_SHARE)) {
          break;
        }
        allowed.add(new Candidate(cache, prediction));
      }
    }
    return allowed;
  }

  /** A cache the stale bound allows, and its replay. */
  private record Candidate(SitePlan.Cache cache, Prediction prediction) {

    long answered() {
      return prediction.answered();
    }

    long unanswered() {
      return prediction.calls() - prediction.answered();
    }
  }

  /** TTLs worth trying: 1, 2 and 5 × 10ⁿ ms from about a call's duration up to the bound. */
  private static List<Long> ttls(SiteModel site, boolean resultsKnown) {
    long lowest = Math.max(MIN_TTL_NANOS, Numbers.niceNanos(site.sentLatencies().percentile(99)));
    long watched = site.lastEndNanos() - site.firstStartNanos();
    long highest =
        resultsKnown
            ? Math.max(lowest, Math.min(MAX_TTL_NANOS, Numbers.niceNanos(watched / 2)))
            : Math.max(HEURISTIC_MIN_TTL_NANOS,
                Math.min(MAX_TTL_NANOS, Numbers.niceNanos(2 * site.keys().intervals().percentile(75))));
    List<Long> ttls = new ArrayList<>();
    for (long ttl = lowest; ttl <= highest; ttl = Numbers.niceNanos(ttl + 1)) {
      ttls.add(ttl);
    }
    if (ttls.isEmpty() || ttls.get(ttls.size() - 1) < highest) {
      ttls.add(highest);
    }
    return ttls;
  }
}
