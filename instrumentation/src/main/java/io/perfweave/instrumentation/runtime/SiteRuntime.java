package io.perfweave.instrumentation.runtime;

import io.perfweave.contract.Outcome;
import io.perfweave.instrumentation.config.SiteConfig;
import io.perfweave.instrumentation.events.CurrentSpan;
import io.perfweave.instrumentation.events.ResultHash;
import io.perfweave.instrumentation.events.RpcCall;
import io.perfweave.instrumentation.events.RpcCallEvent;
import io.perfweave.instrumentation.events.RpcCallNoStackEvent;
import io.perfweave.instrumentation.events.SiteStatsEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What happens around one call of a site: its meters, and its JFR event where the site's event
 * budget gives it one ({@link CallEvents}; the others are counted into a SiteStats event).
 */
public final class SiteRuntime {

  private static final int MAX_METHODS = 256;

  private final String name;
  private final boolean stackTrace;
  private final boolean idempotent;
  private final SiteMeters meters;
  private final long callEventsPerSecond;
  private final CallEvents events;
  /** A built-in HTTP site's budgets per JSON-RPC method, as the analyzer models its calls. */
  private final Map<String, CallEvents> eventsByMethod = new ConcurrentHashMap<>();

  SiteRuntime(SiteConfig config, Meters meters, long callEventsPerSecond) {
    this(config.name(), config.stackTrace(), config.idempotent(), meters, "", callEventsPerSecond);
  }

  /**
   * A site named at run time (the built-in HTTP sites, which know the server they call);
   * idempotence is then set per call.
   */
  public SiteRuntime(
      String name, boolean stackTrace, boolean idempotent, Meters meters, String serverAddress,
      long callEventsPerSecond) {
    this.name = name;
    this.stackTrace = stackTrace;
    this.idempotent = idempotent;
    this.meters = meters.forSite(name, serverAddress);
    this.callEventsPerSecond = callEventsPerSecond;
    this.events = new CallEvents(callEventsPerSecond);
  }

  public RpcCall begin() {
    RpcCall event = stackTrace ? new RpcCallEvent() : new RpcCallNoStackEvent();
    event.startNanos = System.nanoTime();
    event.begin();
    if (event.isEnabled()) {
      CurrentSpan.copyTo(event);
    }
    return event;
  }

  /** Ends a timed call that ran once; {@code returned} is hashed where the site hashes values. */
  void end(RpcCall event, Object returned, Throwable thrown, String target) {
    if (returned != null && event.isEnabled()) {
      event.resultHash = resultHash(returned);
    }
    finish(event, target, thrown == null ? Outcome.SUCCESS : Outcome.ERROR, errorName(thrown), 1, 0, 0);
  }

  /** {@link #end} for an integral primitive value, hashed as it is. */
  void endLong(RpcCall event, long returned, Throwable thrown, String target) {
    if (thrown == null && event.isEnabled()) {
      event.resultHash = ResultHash.of(returned);
    }
    finish(event, target, thrown == null ? Outcome.SUCCESS : Outcome.ERROR, errorName(thrown), 1, 0, 0);
  }

  /** A value's {@code resultHash}; 0 where its own hashCode fails. */
  private static long resultHash(Object returned) {
    try {
      return ResultHash.ofValue(returned);
    } catch (Throwable unhashable) {
      return 0;
    }
  }

  /** The {@code error} of an event: the exception's class name, or null. */
  public static String errorName(Throwable thrown) {
    return thrown == null ? null : thrown.getClass().getName();
  }

  /**
   * Ends a call: meters always, the event when recording wants it. Fields only some sites know
   * ({@code rpcMethod}, {@code status}, a per-call {@code idempotent}) are set on the event before.
   */
  public void finish(
      RpcCall event,
      String target,
      String outcome,
      String error,
      int attempts,
      long keyHash,
      long cacheAgeNanos) {
    long endNanos = System.nanoTime();
    long nanos = endNanos - event.startNanos;
    event.end();
    meters.record(nanos, outcome, error, event.rpcMethod, event.status);
    if (event.isEnabled() && eventsOf(event.rpcMethod).own(endNanos, nanos, outcome, error != null, attempts)
        && event.shouldCommit()) {
      event.site = name;
      event.target = target;
      event.idempotent |= idempotent;
      event.attempts = attempts;
      event.outcome = outcome;
      event.error = error;
      event.keyHash = keyHash;
      event.cacheAge = cacheAgeNanos;
      event.commit();
    }
  }

  private CallEvents eventsOf(String rpcMethod) {
    if (rpcMethod == null || rpcMethod.isEmpty() || rpcMethod.indexOf(',') >= 0) {
      return events;
    }
    CallEvents method = eventsByMethod.get(rpcMethod);
    if (method == null) {
      if (eventsByMethod.size() >= MAX_METHODS) {
        return events;
      }
      method = eventsByMethod.computeIfAbsent(rpcMethod, m -> new CallEvents(callEventsPerSecond));
    }
    return method;
  }

  /** Commits the SiteStats of the calls counted since the last time, if any. One thread calls it. */
  void commitStats() {
    commit(events.drain(name, ""));
    eventsByMethod.forEach((method, counted) -> commit(counted.drain(name, method)));
  }

  private static void commit(SiteStatsEvent stats) {
    if (stats != null) {
      stats.commit();
    }
  }

  public String name() {
    return name;
  }

  public SiteMeters meters() {
    return meters;
  }
}
