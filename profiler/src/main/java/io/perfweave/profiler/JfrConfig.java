package io.perfweave.profiler;

import java.time.Duration;
import java.util.List;

/**
 * The JDK Flight Recorder recording the agent runs.
 *
 * @param enabled whether the agent records at all; default true
 * @param maxSizeBytes the most the recording keeps on disk, in bytes; default 256MB
 * @param maxAge the oldest data the recording keeps; default 30m
 * @param rotate how often to close the recording into its file and start the next; zero = one
 *     file, written at exit (default)
 * @param keep with rotation, the most recording files kept (oldest deleted first); default 5
 * @param recordEnvironment whether the recording keeps the JDK's events that copy the process's
 *     environment variables, system properties and command line, and those of the machine's
 *     other processes ({@link #ENVIRONMENT_EVENTS}): secrets live there; default false
 * @param settings the JDK's settings the recording starts from: {@code default} (the JDK's
 *     low-overhead settings; the default) or {@code profile} (lower thresholds, its own sampling
 *     twice as often, allocation events with stacks: about ten times the CPU)
 * @param callEventsPerSecond per site (a JSON-RPC method of an HTTP site), the calls a second
 *     that get a {@code perfweave.RpcCall} of their own besides failures, retries and calls of
 *     20 ms or more, which always do; the others are counted in {@code perfweave.SiteStats}.
 *     0 = every call; default 1000
 */
public record JfrConfig(
    boolean enabled,
    long maxSizeBytes,
    Duration maxAge,
    Duration rotate,
    int keep,
    boolean recordEnvironment,
    String settings,
    long callEventsPerSecond) {

  /** The JDK events that copy the process's environment, arguments and properties. */
  public static final List<String> ENVIRONMENT_EVENTS =
      List.of(
          "jdk.InitialEnvironmentVariable",
          "jdk.InitialSystemProperty",
          "jdk.InitialSecurityProperty",
          "jdk.JVMInformation",
          "jdk.SystemProcess");

  public JfrConfig {
    if (maxSizeBytes < 1024 * 1024) {
      throw new IllegalArgumentException("maxSize must be at least 1MB, was " + maxSizeBytes + "B");
    }
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
    }
    if (rotate.isNegative() || (!rotate.isZero() && rotate.compareTo(Duration.ofSeconds(1)) < 0)) {
      throw new IllegalArgumentException("rotate must be at least 1s (or 0 for none), was " + rotate);
    }
    if (callEventsPerSecond < 0) {
      throw new IllegalArgumentException("callEventsPerSecond must be 0 (every call) or more, was " + callEventsPerSecond);
    }
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1, was " + keep);
    }
    if (!settings.equals("default") && !settings.equals("profile")) {
      throw new IllegalArgumentException("settings must be default or profile, was '" + settings + "'");
    }
  }
}
