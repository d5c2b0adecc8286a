package io.perfweave.instrumentation.runtime;

import io.perfweave.contract.Outcome;
import io.perfweave.instrumentation.config.SiteConfig;
import io.perfweave.instrumentation.events.CurrentSpan;
import io.perfweave.instrumentation.events.EventTimes;
import io.perfweave.instrumentation.events.ResultHash;
import io.perfweave.instrumentation.events.RpcCall;
import io.perfweave.instrumentation.events.RpcCallEvent;
import io.perfweave.instrumentation.events.RpcCallNoStackEvent;
import io.perfweave.instrumentation.events.SiteStatsEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

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
  /** Never committed: asked whether a recording takes this site's events. */
  private final RpcCall probe;
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
    this.probe = newEvent();
  }

  /**
   * Starts a call whose fields are set on its event as it goes (the built-in HTTP sites: the
   * JSON-RPC method, the status); {@link #finish} ends it. Calls that know their fields only at
   * their end make their event there ({@link #ended}).
   */
  public RpcCall begin() {
    RpcCall event = newEvent();
    event.startNanos = System.nanoTime();
    if (event.isEnabled()) {
      if (!EventTimes.stamped()) {
        event.begin();
      }
      CurrentSpan.copyTo(event);
    }
    return event;
  }

  private RpcCall newEvent() {
    return stackTrace ? new RpcCallEvent() : new RpcCallNoStackEvent();
  }

  /**
   * Ends a timed call that ran once, started at {@code startNanos}; {@code returned} is hashed
   * where the site hashes values, and only where the call gets an event of its own.
   */
  void end(long startNanos, Object returned, Throwable thrown, String target) {
    long endNanos = System.nanoTime();
    String error = errorName(thrown);
    String outcome = error == null ? Outcome.SUCCESS : Outcome.ERROR;
    RpcCall event = ended(null, startNanos, endNanos, 0, outcome, error, 1);
    if (event != null) {
      if (returned != null) {
        event.resultHash = resultHash(returned);
      }
      commit(event, target, outcome, error, 1, 0, 0);
    }
  }

  /** {@link #end} for an integral primitive value, hashed as it is. */
  void endLong(long startNanos, long returned, Throwable thrown, String target) {
    long endNanos = System.nanoTime();
    String error = errorName(thrown);
    String outcome = error == null ? Outcome.SUCCESS : Outcome.ERROR;
    RpcCall event = ended(null, startNanos, endNanos, 0, outcome, error, 1);
    if (event != null) {
      if (thrown == null) {
        event.resultHash = ResultHash.of(returned);
      }
      commit(event, target, outcome, error, 1, 0, 0);
    }
  }

  /**
   * Counts a call that ran from {@code startNanos} to {@code endNanos} once; returns its event,
   * timed and due to be {@link #commit}ted, or null where it gets none.
   *
   * <p>{@code begun} is the event the call made at its start ({@link #begin}), or null: the event
   * is then made here, only for a call that gets one of its own, so that such a call allocates
   * nothing otherwise (timed and woven policy calls). Where this JVM's JFR does not let perfweave
   * stamp an event ({@link EventTimes#stamped}, told once), such calls are counted in the meters
   * only, not recorded.
   */
  public RpcCall ended(
      RpcCall begun, long startNanos, long endNanos, int status, String outcome, String error, int attempts) {
    boolean recorded = begun != null ? begun.isEnabled() : probe.isEnabled() && EventTimes.stamped();
    String rpcMethod = begun == null ? null : begun.rpcMethod;
    if (!counted(endNanos, endNanos - startNanos, rpcMethod, status, outcome, error, attempts, recorded)) {
      return null;
    }
    RpcCall event = begun;
    if (event == null) {
      event = newEvent();
      CurrentSpan.copyTo(event);
    }
    event.status = status;
    return timed(event, startNanos, endNanos) && event.shouldCommit() ? event : null;
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
   * Ends a call begun by {@link #begin}: meters always, the event when recording wants it. Fields
   * only some sites know ({@code rpcMethod}, {@code status}, a per-call {@code idempotent}) are set
   * on the event before.
   */
  public void finish(
      RpcCall begun,
      String target,
      String outcome,
      String error,
      int attempts,
      long keyHash,
      long cacheAgeNanos) {
    RpcCall event = ended(begun, begun.startNanos, System.nanoTime(), begun.status, outcome, error, attempts);
    if (event != null) {
      commit(event, target, outcome, error, attempts, keyHash, cacheAgeNanos);
    }
  }

  /**
   * Counts a call once: in the meters, or where a recording takes perfweave's events ({@code
   * recorded}) and no event of its own is due, in its budget's SiteStats. True where it gets its
   * own event.
   */
  private boolean counted(long endNanos, long nanos, String rpcMethod, int status, String outcome, String error,
      int attempts, boolean recorded) {
    boolean own = !recorded || eventsOf(rpcMethod).own(endNanos, nanos, outcome, error != null, attempts);
    meters.record(nanos, outcome, error, rpcMethod, status, !own);
    return recorded && own;
  }

  /** Commits an event {@link #ended} gave, with the fields every call has. */
  public void commit(
      RpcCall event, String target, String outcome, String error, int attempts, long keyHash, long cacheAgeNanos) {
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

  /** Gives the event its call's start and duration; false where no recording wants it any more. */
  private static boolean timed(RpcCall event, long startNanos, long endNanos) {
    if (EventTimes.stamped()) {
      return EventTimes.stamp(event, startNanos, endNanos);
    }
    event.end();
    return true;
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

  /** Every call of the whole run: those in the meters and those the budgets counted. */
  Histogram latencies() {
    Histogram all = meters.latencies();
    all.add(events.countedLatencies());
    eventsByMethod.values().forEach(method -> all.add(method.countedLatencies()));
    return all;
  }

  /** Calls served from a cache, or in shadow mode that a cache would have served. */
  long cacheHits() {
    return meters.cacheHitCount() + events.countedHits()
        + eventsByMethod.values().stream().mapToLong(CallEvents::countedHits).sum();
  }

  long coalesced() {
    return meters.coalescedCount() + events.countedCoalesced()
        + eventsByMethod.values().stream().mapToLong(CallEvents::countedCoalesced).sum();
  }

  public String name() {
    return name;
  }

  public SiteMeters meters() {
    return meters;
  }
}
