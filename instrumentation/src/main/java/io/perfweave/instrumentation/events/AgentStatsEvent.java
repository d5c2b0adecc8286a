package io.perfweave.instrumentation.events;

import io.perfweave.contract.AgentStatsField;
import io.perfweave.contract.Events;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.Registered;
import jdk.jfr.StackTrace;
import jdk.jfr.Timestamp;

/**
 * {@code perfweave.AgentStats}: the agent's own health. JFR emits it at the start and end of every
 * chunk (so a recording always ends with the final counts) and the agent adds one every 10 s.
 */
@Name(Events.AGENT_STATS)
@Label("perfweave Agent Statistics")
@Category("perfweave")
@Description("Classes transformed, errors suppressed, sites and meters of the perfweave agent")
@Period("everyChunk")
@Registered(false)
@StackTrace(false)
public final class AgentStatsEvent extends Event {

  static {
    PerfweaveEvents.initialised(AgentStatsEvent.class);
  }

  @Name(AgentStatsField.TRANSFORMED_CLASSES)
  @Label("Classes Transformed")
  public long transformedClasses;

  @Name(AgentStatsField.TRANSFORM_ERRORS)
  @Label("Transform Errors")
  public long transformErrors;

  @Name(AgentStatsField.ADVICE_ERRORS)
  @Label("Advice Errors")
  public long adviceErrors;

  @Name(AgentStatsField.SITES)
  @Label("Sites")
  public int sites;

  @Name(AgentStatsField.METERS)
  @Label("Meters")
  public int meters;

  @Name(AgentStatsField.CACHE_ENTRIES)
  @Label("Cache Entries")
  public long cacheEntries;

  @Name(AgentStatsField.JVM)
  @Label("JVM Version")
  @Description("The JVM's name and version (the JDK's JVM Information event is left out)")
  public String jvmVersion;

  @Name(AgentStatsField.PID)
  @Label("Process Id")
  public long pid;

  @Name(AgentStatsField.HOST)
  @Label("Host")
  public String host;

  @Name(AgentStatsField.JVM_START)
  @Label("JVM Start")
  @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
  public long jvmStart;
}
