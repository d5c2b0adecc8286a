package io.perfweave.instrumentation.events;

import java.util.List;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;

/**
 * perfweave's JFR event classes. Each is {@code @Registered(false)}: an event class registered as
 * it is initialised (JFR's default) initialises JFR itself, ~0.2–0.3 s of CPU and ~100 classes on
 * an application's first woven call, in a JVM that may never record. They are registered when JFR
 * is initialised instead — at once where a recording has started, otherwise by the first one (a
 * {@code jcmd JFR.start} later) — and recorded from then on; until then committing one is a no-op,
 * as it is for any event no recording takes.
 */
public final class PerfweaveEvents {

  private static final List<Class<? extends Event>> ALL =
      List.of(RpcCallEvent.class, RpcCallNoStackEvent.class, SiteStatsEvent.class, RetryAttemptEvent.class,
          AgentStatsEvent.class);

  private PerfweaveEvents() {}

  /**
   * Registers the event classes when JFR is initialised (on the thread that initialises it, or on
   * this one where it is already), then runs {@code then}.
   */
  public static void registerWhenJfrStarts(Runnable then) {
    FlightRecorder.addListener(new FlightRecorderListener() {
      @Override
      public void recorderInitialized(FlightRecorder recorder) {
        ALL.forEach(FlightRecorder::register);
        then.run();
      }
    });
  }
}
