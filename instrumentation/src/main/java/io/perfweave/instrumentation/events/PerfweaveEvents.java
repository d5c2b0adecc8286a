package io.perfweave.instrumentation.events;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;

/**
 * When perfweave's JFR event classes are registered. Each is {@code @Registered(false)}: an event
 * class registered as it is initialised (JFR's default) initialises JFR itself, ~0.2–0.3 s of CPU
 * and ~100 classes on an application's first woven call, in a JVM that may never record. Here a
 * class initialised while JFR is initialised registers itself then, as JFR's own registration
 * would; those initialised before are registered when JFR is — by perfweave's recording, or by the
 * first one the user starts (a {@code jcmd JFR.start} later). Until then committing one is a
 * no-op, as for any event no recording takes.
 */
public final class PerfweaveEvents {

  private static final Set<Class<? extends Event>> INITIALISED = ConcurrentHashMap.newKeySet();

  private PerfweaveEvents() {}

  /** From each event class's static initialiser. */
  static void initialised(Class<? extends Event> type) {
    // added before JFR is asked: a JFR initialised meanwhile registers it from the set
    INITIALISED.add(type);
    if (FlightRecorder.isInitialized()) {
      FlightRecorder.register(type);
    }
  }

  /**
   * Registers the event classes initialised so far when JFR is initialised (on the thread that
   * initialises it, or on this one where it is already), then runs {@code then}.
   */
  public static void registerWhenJfrStarts(Runnable then) {
    FlightRecorder.addListener(new FlightRecorderListener() {
      @Override
      public void recorderInitialized(FlightRecorder recorder) {
        INITIALISED.forEach(FlightRecorder::register);
        then.run();
      }
    });
  }
}
