package io.perfweave.agent;

import io.perfweave.agent.config.ConfigException;
import io.perfweave.agent.config.ConfigLoader;
import io.perfweave.agent.config.PerfweaveConfig;
import io.perfweave.bridge.Bridge;
import io.perfweave.instrumentation.events.EventTimes;
import io.perfweave.instrumentation.http.HttpRuntime;
import io.perfweave.instrumentation.metrics.MeterExport;
import io.perfweave.instrumentation.redis.RedisLevel;
import io.perfweave.instrumentation.runtime.PerfweaveRuntime;
import io.perfweave.instrumentation.weaving.Weaver;
import io.perfweave.instrumentation.weaving.WeavingCandidates;
import io.perfweave.profiler.Profiling;
import java.lang.instrument.Instrumentation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * The agent's entry points. Whatever happens in here, the application runs on: a bad config gives
 * one error line and no instrumentation; an internal failure gives one line and no
 * instrumentation.
 */
public final class PerfweaveAgent {

  private PerfweaveAgent() {}

  /** Entry point for {@code -javaagent:perfweave-agent.jar=config=PATH}. */
  public static void premain(String arguments, Instrumentation instrumentation) {
    start(arguments, instrumentation, true);
  }

  /** Entry point for attaching to a running JVM; already loaded classes are retransformed. */
  public static void agentmain(String arguments, Instrumentation instrumentation) {
    start(arguments, instrumentation, false);
  }

  private static void start(String arguments, Instrumentation instrumentation, boolean atStartup) {
    try {
      // perfweave's (relocated) Byte Buddy needs no Unsafe; without this it probes for it and
      // Java 23+ prints its deprecation warning; the property names the relocated copy only
      if (System.getProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY) == null) {
        System.setProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY, "true");
      }
      StartupPhases phases = new StartupPhases();
      // first: nothing may load a bridge class before it is on the bootstrap class path
      BridgeInjector.inject(instrumentation);
      if (!Bridge.claim()) {
        System.err.println(
            "perfweave: warning: perfweave already runs in this JVM (a second -javaagent or an"
                + " attach); this copy stays passive");
        return;
      }
      phases.done("bridge");
      Optional<PerfweaveConfig> config = loadConfig(arguments, atStartup);
      phases.done("config");
      if (config.isPresent()) {
        run(config.get(), instrumentation, phases, atStartup);
      }
      phases.print();
    } catch (Throwable t) {
      // nothing may escape premain: an exception there would stop the JVM
      System.err.println("perfweave: internal error at start-up, running uninstrumented: " + t);
    }
  }

  /**
   * Loads Byte Buddy on a second thread, a few hundred milliseconds of class loading. Where weaving
   * waits for the first class it may weave, started once the recordings have, to load while the
   * application starts: beside the recordings' start (JFR's, and async-profiler's on a thread of
   * its own) it made all slower on two cores, and an application that never loads a class
   * perfweave weaves needs no Byte Buddy at all. Where weaving is installed at once, started
   * first, beside the runtime's and the recordings' start. (Not JFR on this thread: the recording
   * must configure JFR before anything initialises it.)
   */
  private static Thread startWarmUp() {
    return background("perfweave-warm-up", Weaver::warmUp);
  }

  /** A daemon thread that loads what a later step needs; what it fails to load, that step loads and reports. */
  private static Thread background(String name, Runnable warmUp) {
    Thread thread =
        new Thread(
            () -> {
              try {
                warmUp.run();
              } catch (Throwable ignored) {
                // the main thread loads what it needs itself, and reports what fails
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static Optional<PerfweaveConfig> loadConfig(String arguments, boolean atStartup) {
    ConfigLoader loader = null;
    try {
      loader = new ConfigLoader(arguments, System.getenv(), systemProperties());
      PerfweaveConfig config = loader.load();
      loader.warnings().forEach(warning -> System.err.println("perfweave: warning: " + warning));
      return Optional.of(config);
    } catch (ConfigException e) {
      boolean stop = atStartup && loader != null && loader.failFastRequested();
      System.err.println(
          "perfweave: config error: "
              + e.getMessage()
              + (stop ? "; failFast is set, stopping the JVM" : "; running uninstrumented"));
      if (stop) {
        System.exit(1);
      }
      return Optional.empty();
    }
  }

  /**
   * Starts the runtime, the recordings and the weaving. At start-up, weaving waits for the first
   * class that may be woven, and premain does not wait for Byte Buddy; attached, or where a site
   * matches by super type (any class may be woven) or a candidate is loaded already, Byte Buddy's
   * transformer is installed now, and loading it starts first.
   */
  private static void run(
      PerfweaveConfig config, Instrumentation instrumentation, StartupPhases phases, boolean atStartup)
      throws Exception {
    boolean http = config.http().enabled();
    WeavingCandidates candidates = WeavingCandidates.of(config.sites(), http);
    boolean mayDefer = atStartup && candidates != null;
    Thread eagerWarmUp = mayDefer ? null : startWarmUp();
    MeterExport export =
        config.metrics().any() ? MeterExport.start(config.metrics(), AppName.current(), System.err) : null;
    RedisLevel redis = config.redis().map(r -> RedisLevel.start(r, System.err)).orElse(null);
    if (redis != null && export != null) {
      redis.bindTo(export.registry());
    }
    PerfweaveRuntime runtime =
        PerfweaveRuntime.install(
            config.sites(), config.http(), export == null ? null : export.registry(), redis,
            config.profiling().jfr().callEventsPerSecond());
    phases.done("runtime");
    Profiling profiling = Profiling.start(config.profiling(), config.output(), AppName.current());
    EventTimes.readTicksPerSecond(() -> JfrTicks.perSecond(instrumentation));
    runtime.startStats();
    phases.done("profiling");
    weave(config, instrumentation, runtime, mayDefer ? candidates : null, eagerWarmUp, phases);
    if (http) {
      background("perfweave-warm-up-json", HttpRuntime::warmUpJsonRpc);
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> atExit(runtime, profiling, export, redis), "perfweave-exit-summary"));
  }

  /**
   * Weaving deferred to the first candidate class (where there are {@code candidates} and none is
   * loaded yet, looked at here, next to the install, so that no class loaded meanwhile is missed),
   * Byte Buddy's loading started now; or installed now, with the warm-up started before, if any.
   */
  private static void weave(PerfweaveConfig config, Instrumentation instrumentation, PerfweaveRuntime runtime,
      WeavingCandidates candidates, Thread eagerWarmUp, StartupPhases phases) throws InterruptedException {
    boolean http = config.http().enabled();
    if (candidates != null && !candidates.anyLoaded(instrumentation)) {
      Thread warmUp = startWarmUp();
      Weaver.installDeferred(instrumentation, config.sites(), http, runtime.counters(), candidates,
          () -> awaitQuietly(warmUp));
      phases.done("weaving deferred");
      return;
    }
    (eagerWarmUp != null ? eagerWarmUp : startWarmUp()).join();
    phases.done("warm-up");
    Weaver.install(instrumentation, config.sites(), http, runtime.counters());
    phases.done("weaving");
  }

  private static void awaitQuietly(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      // the weaving thread loads what the warm-up did not
      Thread.currentThread().interrupt();
    }
  }

  private static void atExit(
      PerfweaveRuntime runtime, Profiling profiling, MeterExport export, RedisLevel redis) {
    runtime.printSummary(System.err);
    if (redis != null) {
      System.err.println("perfweave: " + redis.summary());
      redis.close();
    }
    if (export != null) {
      export.close();
    }
    profiling.stopAtExit();
  }

  private static Map<String, String> systemProperties() {
    Map<String, String> properties = new HashMap<>();
    System.getProperties().forEach((key, value) -> properties.put(key.toString(), value.toString()));
    return properties;
  }
}
