package io.perfweave.instrumentation.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.perfweave.instrumentation.bridge.Bridge;
import io.perfweave.instrumentation.config.SiteConfig;
import io.perfweave.instrumentation.events.AgentStatsEvent;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jdk.jfr.FlightRecorder;

/**
 * The runtime behind the bridge: one {@link SiteRuntime} per configured site, indexed as the sites
 * are listed, the meter registry, and the agent's health counters.
 */
public final class PerfweaveRuntime {

  private static final ScheduledExecutorService STATS_TIMER =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "perfweave-stats");
            thread.setDaemon(true);
            return thread;
          });

  private final SiteRuntime[] sites;
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final AgentCounters counters = new AgentCounters();

  private PerfweaveRuntime(List<SiteConfig> configs) {
    this.sites = configs.stream().map(c -> new SiteRuntime(c, registry)).toArray(SiteRuntime[]::new);
  }

  /** Builds the runtime for {@code sites} and makes the bridge dispatch to it. */
  public static PerfweaveRuntime install(List<SiteConfig> sites) {
    PerfweaveRuntime runtime = new PerfweaveRuntime(sites);
    Bridge.install(new SiteDispatcher(runtime.sites));
    FlightRecorder.addPeriodicEvent(AgentStatsEvent.class, runtime::emitStats);
    STATS_TIMER.scheduleAtFixedRate(runtime::emitStats, 10, 10, TimeUnit.SECONDS);
    return runtime;
  }

  /** The counters weaving reports into. */
  public AgentCounters counters() {
    return counters;
  }

  /** The registry holding every perfweave meter. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Prints the per-site summary (calls, errors, p50/p95/p99) and the agent's health. */
  public void printSummary(PrintStream out) {
    ExitSummary.print(sites, counters, out);
  }

  private void emitStats() {
    AgentStatsEvent event = new AgentStatsEvent();
    event.transformedClasses = counters.transformedClasses();
    event.transformErrors = counters.transformErrors();
    event.adviceErrors = Bridge.adviceErrors();
    event.sites = sites.length;
    event.meters = registry.getMeters().size();
    event.commit();
  }
}
