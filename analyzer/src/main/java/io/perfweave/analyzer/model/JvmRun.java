package io.perfweave.analyzer.model;

import io.perfweave.contract.Outcome;
import java.time.Instant;
import java.util.List;

/**
 * One JVM of a fleet, as its recordings show it: who it was and what its calls did.
 *
 * @param id how the report names it: {@code host/pid started at}, or its files' common name where
 *     its agent did not say (before 0.3, or a recording without perfweave)
 * @param files its recording files
 * @param calls calls of every site
 * @param rpcsSent attempts sent to the remote side
 * @param answeredHere calls the caches answered (this JVM's or the shared one)
 * @param errors calls that failed
 */
public record JvmRun(
    String id, long pid, String host, long startMillis, List<String> files, long calls, long rpcsSent,
    long answeredHere, long errors) {

  public JvmRun {
    files = List.copyOf(files);
  }

  /** The row of a JVM whose recordings made {@code model}. */
  public static JvmRun of(String fallbackId, List<String> files, Model model) {
    RunFacts run = model.run();
    String id = run.pid() == 0 ? fallbackId
        : (run.host().isEmpty() ? "" : run.host() + "/") + run.pid()
            + (run.jvmStartMillis() == 0 ? "" : " started " + Instant.ofEpochMilli(run.jvmStartMillis()));
    long calls = 0;
    long sent = 0;
    long answered = 0;
    long errors = 0;
    for (SiteModel site : model.sites().values()) {
      calls += site.calls();
      sent += site.rpcsSent();
      answered += site.outcomes().get(Outcome.CACHE_HIT) + site.outcomes().get(Outcome.L2_HIT)
          + site.outcomes().get(Outcome.COALESCED);
      errors += site.errorCount();
    }
    return new JvmRun(id, run.pid(), run.host(), run.jvmStartMillis(), files, calls, sent, answered, errors);
  }
}
