package io.perfweave.analyzer.plan;

import io.perfweave.analyzer.model.RpcCallRecord;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.contract.Outcome;

/** Synthetic call sequences of one site, for the planner and the replay. */
final class Calls {

  static final long MS = 1_000_000L;

  private final String name;
  private final SiteModel site;

  Calls() {
    this("read");
  }

  Calls(String name) {
    this.name = name;
    this.site = new SiteModel(name);
  }

  /** One call, sent, that returned {@code result} (0 for not recorded) or failed with {@code error}. */
  Calls call(long startMs, long durationMs, long thread, long key, long result, String error, boolean movingBlock) {
    long start = 1_700_000_000_000L * MS + startMs * MS;
    site.record(
        new RpcCallRecord(
            name, "Reader#" + name, "", error.isEmpty() ? Outcome.SUCCESS : Outcome.ERROR, true, 1, error,
            key, error.isEmpty() ? result : 0, movingBlock, 0, start, start + durationMs * MS, thread, "", "", ""),
        false);
    return this;
  }

  Calls call(long startMs, long durationMs, long key) {
    return call(startMs, durationMs, 1, key, 0, "", false);
  }

  SiteModel site() {
    site.finish();
    return site;
  }
}
