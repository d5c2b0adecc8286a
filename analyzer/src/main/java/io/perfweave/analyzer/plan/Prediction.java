package io.perfweave.analyzer.plan;

/**
 * What the what-if replay predicts for one site, beside what was recorded: the calls are the
 * application's, replayed through a planned policy.
 *
 * @param calls the calls replayed (the application's, hits included)
 * @param rpcsSentBefore attempts that reached the remote side, as recorded
 * @param rpcsSentAfter attempts that would reach it with the plan
 * @param errorsBefore failed calls the application saw, as recorded
 * @param errorsAfter failed calls it would see
 * @param p50Before the median latency the application saw, ns
 * @param p50After the median it would see
 * @param p95Before the 95th percentile the application saw, ns
 * @param p95After the 95th percentile it would see
 * @param timeBeforeNanos the application's time in these calls, as recorded
 * @param timeAfterNanos its time in them with the plan
 * @param answered calls the cache would answer (hits and calls joining one in flight)
 * @param sharedAnswered of those, calls the shared level (Redis) would answer: another JVM's
 *     call had fetched the answer
 * @param staleReads answered calls whose value had changed by then, where results were recorded
 * @param worstKeyStaleShare the largest share of one key's calls answered stale (keys with at
 *     least 10 calls): a site's few changing keys can be stale often while its share stays low
 * @param resultsKnown whether the recording has result hashes, so that stale reads are counted
 */
public record Prediction(
    long calls,
    long rpcsSentBefore,
    long rpcsSentAfter,
    long errorsBefore,
    long errorsAfter,
    long p50Before,
    long p50After,
    long p95Before,
    long p95After,
    long timeBeforeNanos,
    long timeAfterNanos,
    long answered,
    long sharedAnswered,
    long staleReads,
    double worstKeyStaleShare,
    boolean resultsKnown) {

  /**
   * Time saved in calls; and each error avoided spares the application a call's mean time twice:
   * the call that failed, and the redo it would have made itself.
   */
  public long savingNanos() {
    long redone = calls == 0 ? 0 : 2 * (errorsBefore - errorsAfter) * (timeBeforeNanos / calls);
    return timeBeforeNanos - timeAfterNanos + redone;
  }

  public double staleShare() {
    return calls == 0 ? 0 : (double) staleReads / calls;
  }
}
