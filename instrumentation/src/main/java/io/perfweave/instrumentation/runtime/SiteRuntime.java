package io.perfweave.instrumentation.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.perfweave.instrumentation.config.SiteConfig;
import io.perfweave.instrumentation.events.RpcCall;
import io.perfweave.instrumentation.events.RpcCallEvent;
import io.perfweave.instrumentation.events.RpcCallNoStackEvent;

/** What happens around one call of a site: its JFR event and its meters. */
final class SiteRuntime {

  private final String name;
  private final boolean stackTrace;
  private final boolean idempotent;
  private final SiteMeters meters;

  SiteRuntime(SiteConfig config, MeterRegistry registry) {
    this.name = config.name();
    this.stackTrace = config.stackTrace();
    this.idempotent = config.idempotent();
    this.meters = new SiteMeters(registry, name);
  }

  RpcCall begin() {
    RpcCall event = stackTrace ? new RpcCallEvent() : new RpcCallNoStackEvent();
    event.startNanos = System.nanoTime();
    event.begin();
    return event;
  }

  /** Ends a timed call that ran once. */
  void end(RpcCall event, Throwable thrown, String target) {
    finish(event, target, thrown == null ? RpcCall.SUCCESS : RpcCall.ERROR, thrown, 1, 0, 0);
  }

  /** Ends a call: meters always, the event when recording wants it. */
  void finish(
      RpcCall event,
      String target,
      String outcome,
      Throwable thrown,
      int attempts,
      long keyHash,
      long cacheAgeNanos) {
    long nanos = System.nanoTime() - event.startNanos;
    event.end();
    meters.record(nanos, thrown != null, outcome);
    if (event.shouldCommit()) {
      event.site = name;
      event.target = target;
      event.idempotent = idempotent;
      event.attempts = attempts;
      event.outcome = outcome;
      event.error = thrown == null ? null : thrown.getClass().getName();
      event.keyHash = keyHash;
      event.cacheAge = cacheAgeNanos;
      event.commit();
    }
  }

  String name() {
    return name;
  }

  SiteMeters meters() {
    return meters;
  }
}
