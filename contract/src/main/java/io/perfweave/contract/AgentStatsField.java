package io.perfweave.contract;

import java.util.List;

/** The fields of {@link Events#AGENT_STATS}; counts since the agent started. */
public final class AgentStatsField {

  /** Classes woven. */
  public static final String TRANSFORMED_CLASSES = "transformedClasses";

  /** Classes a transformation failed on (left as they were). */
  public static final String TRANSFORM_ERRORS = "transformErrors";

  /** Exceptions inside advice, suppressed so that the application never saw them. */
  public static final String ADVICE_ERRORS = "adviceErrors";

  /** Sites known to the agent. */
  public static final String SITES = "sites";

  /** Meters registered. */
  public static final String METERS = "meters";

  /** Entries in every cache together. */
  public static final String CACHE_ENTRIES = "cacheEntries";

  /**
   * The JVM's name and version; perfweave's recording leaves out the JDK's own
   * {@code jdk.JVMInformation}, whose command line may hold secrets. Added after the first agent.
   */
  public static final String JVM = "jvm";

  /** The process id: with {@link #HOST} and {@link #JVM_START}, which JVM recorded (0.3). */
  public static final String PID = "pid";

  /** The machine's host name. */
  public static final String HOST = "hostName";

  /** When the JVM started (epoch milliseconds). */
  public static final String JVM_START = "jvmStart";

  /** Every field, in the order README's recording contract lists them. */
  public static final List<String> ALL =
      List.of(TRANSFORMED_CLASSES, TRANSFORM_ERRORS, ADVICE_ERRORS, SITES, METERS, CACHE_ENTRIES,
          JVM, PID, HOST, JVM_START);

  private AgentStatsField() {}
}
