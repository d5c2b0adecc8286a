package io.perfweave.instrumentation.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.LongSupplier;

/**
 * Gives a {@code perfweave.RpcCall} the start and duration of its call from the two {@code
 * System.nanoTime()} readings perfweave takes for its meters anyway, so that a call reads the
 * clock twice, not four times (JFR's {@code begin()} and {@code end()} read it again), and an
 * event reads no clock at all.
 *
 * <p>JFR keeps an event's start and duration, in its ticks, in two fields the JVM adds to every
 * event class ({@code startTime}, {@code duration}; JDK 17 to 25 alike), and writes what they hold
 * when set before {@code commit()}. The ticks' frequency is the JVM's own, read through the agent
 * ({@link #readTicksPerSecond}); until then, or where the fields cannot be reached, events are
 * timed by {@code begin()} and {@code end()} as JFR's own API has it.
 */
public final class EventTimes {

  private static final Fields WITH_STACK = Fields.of(RpcCallEvent.class);
  private static final Fields WITHOUT_STACK = Fields.of(RpcCallNoStackEvent.class);
  private static final int CALIBRATION_TRIES = 16;

  /** JFR ticks per nanosecond; 0 until known. */
  private static volatile double ticksPerNano;
  /** Reads JFR's ticks per second, once, when the first recording takes an event; then null. */
  private static volatile LongSupplier ticksPerSecond;
  /** Whether the frequency is being read; guarded by the class's lock. */
  private static boolean reading;
  /** JFR's clock at {@code nanoTime} zero, in ticks; NaN until measured, at the first stamp. */
  private static volatile double offsetTicks = Double.NaN;

  private EventTimes() {}

  /**
   * Where the frequency of JFR's ticks will come from: read the first time a recording takes a
   * perfweave event (JFR is running then; reading it earlier would initialise JFR's internals,
   * ~80 ms, in a JVM that may never record).
   */
  public static void readTicksPerSecond(LongSupplier source) {
    ticksPerSecond = source;
  }

  /**
   * Whether events are stamped from perfweave's own readings; if not, {@code begin()} times them.
   * Call it only for an enabled event: the first call may read JFR's frequency.
   */
  public static boolean stamped() {
    return ticksPerNano > 0 || ticksPerSecond != null && readOnce();
  }

  /**
   * Reads the frequency; a thread that calls meanwhile waits for it, so that no call of a running
   * recording goes unrecorded. The read itself re-entering (a site on a JDK class it uses) gets
   * false.
   */
  private static synchronized boolean readOnce() {
    LongSupplier source = ticksPerSecond;
    if (source == null || reading) {
      return ticksPerNano > 0;
    }
    reading = true;
    try {
      long perSecond = source.getAsLong();
      if (perSecond > 0 && WITH_STACK != null && WITHOUT_STACK != null) {
        ticksPerNano = perSecond / 1e9;
      } else {
        System.err.println("perfweave: warning: this JVM's JFR does not let perfweave time its events from its"
            + " own clock readings; the calls of sites that only time them are counted in the meters, not recorded");
      }
    } finally {
      ticksPerSecond = null;
      reading = false;
    }
    return ticksPerNano > 0;
  }

  /**
   * Sets the event's start and duration from its call's {@code System.nanoTime()} readings, in
   * JFR's ticks, through one mapping of {@code nanoTime} onto JFR's clock for the whole run
   * ({@link #offsetTicks}): events keep the order and nesting of their calls exactly, which a
   * mapping re-measured per event (two clock reads, whatever ran between them) did not. Call it
   * only where {@link #stamped}. False where the event is not enabled (no recording wants it).
   */
  public static boolean stamp(RpcCall event, long startNanos, long endNanos) {
    if (!event.isEnabled()) {
      return false;
    }
    double perNano = ticksPerNano;
    double offset = offsetTicks;
    if (Double.isNaN(offset) && Double.isNaN(offset = calibrate(event))) {
      return false;
    }
    Fields fields = Fields.forEvent(event);
    fields.startTime.set(event, Math.round(offset + startNanos * perNano));
    fields.duration.set(event, Math.max(Math.round((endNanos - startNanos) * perNano), 1));
    return true;
  }

  /**
   * Where {@code nanoTime} zero lies on JFR's clock: JFR's clock read between two {@code
   * nanoTime} readings, the tightest of several tries (the first pays for linking the field
   * handle), placed at their middle.
   */
  private static synchronized double calibrate(RpcCall enabled) {
    if (!Double.isNaN(offsetTicks)) {
      return offsetTicks;
    }
    Fields fields = Fields.forEvent(enabled);
    long tightest = Long.MAX_VALUE;
    double offset = Double.NaN;
    for (int i = 0; i < CALIBRATION_TRIES; i++) {
      long before = System.nanoTime();
      enabled.begin();
      long after = System.nanoTime();
      long ticks = (long) fields.startTime.get(enabled);
      if (ticks != 0 && after - before < tightest) {
        tightest = after - before;
        offset = ticks - (before + (after - before) / 2.0) * ticksPerNano;
      }
    }
    offsetTicks = offset;
    return offset;
  }

  /** The two fields the JVM adds to an event class. */
  private record Fields(VarHandle startTime, VarHandle duration) {

    /** Those of the event's class. */
    static Fields forEvent(RpcCall event) {
      return event instanceof RpcCallEvent ? WITH_STACK : WITHOUT_STACK;
    }

    /** Those of {@code type}, or null where it has them not. */
    static Fields of(Class<? extends RpcCall> type) {
      try {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        return new Fields(
            lookup.findVarHandle(type, "startTime", long.class), lookup.findVarHandle(type, "duration", long.class));
      } catch (ReflectiveOperationException | RuntimeException notThere) {
        return null;
      }
    }
  }
}
