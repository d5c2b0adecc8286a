package io.perfweave.instrumentation.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.perfweave.bridge.Bridge;
import io.perfweave.instrumentation.config.CacheConfig;
import io.perfweave.instrumentation.config.HttpConfig;
import io.perfweave.instrumentation.config.SiteConfig;
import io.perfweave.instrumentation.events.AgentStatsEvent;
import io.perfweave.instrumentation.events.PerfweaveEvents;
import io.perfweave.instrumentation.http.HttpRuntime;
import io.perfweave.instrumentation.policy.Attempt;
import io.perfweave.instrumentation.policy.Clock;
import io.perfweave.instrumentation.policy.OnceNotes;
import io.perfweave.instrumentation.policy.Policy;
import io.perfweave.instrumentation.policy.PolicyCache;
import io.perfweave.instrumentation.policy.RetryPolicy;
import io.perfweave.instrumentation.policy.SharedCache;
import io.perfweave.instrumentation.policy.SharedLevel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jdk.jfr.FlightRecorder;

/**
 * The runtime behind the bridge: one {@link SiteRuntime} per configured site, indexed as the sites
 * are listed, the exported meters where configured, and the agent's health counters.
 */
public final class PerfweaveRuntime {

  private static final ScheduledExecutorService STATS_TIMER =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "perfweave-stats");
            thread.setDaemon(true);
            return thread;
          });

  private static final String JVM_VERSION =
      System.getProperty("java.vm.name") + " (" + System.getProperty("java.vm.version") + ")";

  private final SiteRuntime[] sites;
  private final PolicySite[] policies;
  private final MeterRegistry exported;
  private final AgentCounters counters = new AgentCounters();
  private final HttpRuntime http;
  private final OnceNotes notes = new OnceNotes();

  private PerfweaveRuntime(
      List<SiteConfig> configs, HttpConfig httpConfig, MeterRegistry exported, SharedLevel shared,
      long callEventsPerSecond) {
    Clock clock = Clock.forThisJvm();
    this.exported = exported;
    Meters meters = new Meters(exported);
    this.http =
        httpConfig.enabled() ? new HttpRuntime(httpConfig, clock, meters, shared, callEventsPerSecond) : null;
    this.sites = new SiteRuntime[configs.size()];
    this.policies = new PolicySite[configs.size()];
    for (int i = 0; i < configs.size(); i++) {
      SiteConfig config = configs.get(i);
      sites[i] = new SiteRuntime(config, meters, callEventsPerSecond);
      if (hasPolicy(config)) {
        policies[i] = policySite(sites[i], config, clock, shared);
      }
    }
  }

  private PolicySite policySite(
      SiteRuntime site, SiteConfig config, Clock clock, SharedLevel level) {
    PolicyCache<CacheKey, Attempt> cache =
        config.cache()
            .map(c -> new PolicyCache<CacheKey, Attempt>(c, clock, exported, "perfweave." + config.name()))
            .orElse(null);
    RetryPolicy retry = config.retry().map(r -> new RetryPolicy(r, clock)).orElse(null);
    SharedCache<CacheKey> shared =
        config.cache()
            .flatMap(CacheConfig::l2Ttl)
            .filter(ttl -> level != null)
            .map(ttl -> new SharedCache<CacheKey>(level, sharedNamespace(config), ttl, CacheKey::sharedText))
            .orElse(null);
    Policy<CacheKey, Attempt> policy = new Policy<>(cache, shared, retry, Set.of(), clock, notes);
    return new PolicySite(site, policy, new SiteExchange(config.name(), cache));
  }

  /**
   * Where a woven site's answers live in the shared level: what gives its keys their meaning (the
   * site, what it matches, which arguments make the key) and the format of its values, so that a
   * changed site never reads another's entries; its values' own classes are checked when read.
   */
  private static String sharedNamespace(SiteConfig config) {
    CacheConfig cache = config.cache().orElseThrow();
    return "site:" + config.name() + ":"
        + SharedCache.fingerprint(config.match() + "|" + cache.keyArgs() + "|" + cache.keyReceiver()
            + "|java-serialization/1")
        + ":";
  }

  /**
   * Whether a site needs the policy advice instead of timing only: it caches or retries, or it is
   * idempotent and so records the hash of its arguments for the analyzer's repeated-read rules.
   */
  public static boolean hasPolicy(SiteConfig site) {
    return site.idempotent() || site.cache().isPresent() || site.retry().isPresent();
  }

  /**
   * Builds the runtime for {@code sites} and the HTTP sites and makes the bridge dispatch to it;
   * {@code exported} is the registry of the configured meter exports, or null; {@code shared} the
   * caches' shared level ({@code redis:}), or null; {@code callEventsPerSecond} each site's event
   * budget ({@code profiling.jfr.callEventsPerSecond}).
   */
  public static PerfweaveRuntime install(
      List<SiteConfig> sites, HttpConfig http, MeterRegistry exported, SharedLevel shared,
      long callEventsPerSecond) {
    PerfweaveRuntime runtime = new PerfweaveRuntime(sites, http, exported, shared, callEventsPerSecond);
    Bridge.install(new SiteDispatcher(runtime.sites, runtime.policies, runtime.http));
    return runtime;
  }

  /**
   * Registers perfweave's events with JFR once it is initialised ({@link PerfweaveEvents}) and
   * starts the periodic {@code perfweave.AgentStats} events and the sites' SiteStats. Call it after
   * the recording started: the periodic event's registration, off the application's start-up path,
   * must not race the recording's own set-up (chunk size).
   */
  public void startStats() {
    PerfweaveEvents.registerWhenJfrStarts(() -> STATS_TIMER.execute(this::registerAgentStats));
    STATS_TIMER.scheduleAtFixedRate(this::emitStats, 10, 10, TimeUnit.SECONDS);
    STATS_TIMER.scheduleAtFixedRate(this::commitSiteStats, 1, 1, TimeUnit.SECONDS);
  }

  private void registerAgentStats() {
    FlightRecorder.register(AgentStatsEvent.class);
    FlightRecorder.addPeriodicEvent(AgentStatsEvent.class, this::emitStats);
  }

  /** The counters weaving reports into. */
  public AgentCounters counters() {
    return counters;
  }

  /** Prints the per-site summary (calls, errors, p50/p95/p99) and the agent's health. */
  public void printSummary(PrintStream out) {
    List<SiteRuntime> all = new ArrayList<>(Arrays.asList(sites));
    if (http != null) {
      all.addAll(http.sites());
    }
    ExitSummary.print(all, counters, out);
  }

  /**
   * Each site's calls since the last time that had no event of their own: every second, and at
   * each chunk's end with the AgentStats (so the last second is in the recording written at exit).
   */
  private synchronized void commitSiteStats() {
    try {
      for (SiteRuntime site : sites) {
        site.commitStats();
      }
      if (http != null) {
        http.sites().forEach(SiteRuntime::commitStats);
      }
    } catch (RuntimeException | Error bug) {
      // a periodic task that throws is never run again: count it, keep the timer
      Bridge.adviceError(bug);
    }
  }

  private void emitStats() {
    AgentStatsEvent event = new AgentStatsEvent();
    event.transformedClasses = counters.transformedClasses();
    event.transformErrors = counters.transformErrors();
    event.adviceErrors = Bridge.adviceErrors();
    event.sites = sites.length + (http == null ? 0 : http.sites().size());
    event.meters = exported == null ? 0 : exported.getMeters().size();
    for (PolicySite policy : policies) {
      event.cacheEntries += policy == null ? 0 : policy.cacheSize();
    }
    event.cacheEntries += http == null ? 0 : http.cacheEntries();
    event.jvmVersion = JVM_VERSION;
    event.pid = ThisJvm.PID;
    event.host = ThisJvm.HOST;
    event.jvmStart = ThisJvm.START_MILLIS;
    event.commit();
    commitSiteStats();
  }
}
