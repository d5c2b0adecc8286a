package io.perfweave.instrumentation.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * {@code perfweave.AgentStats}: the agent's own health. JFR emits it at the start and end of every
 * chunk (so a recording always ends with the final counts) and the agent adds one every 10 s.
 */
@Name("perfweave.AgentStats")
@Label("perfweave Agent Statistics")
@Category("perfweave")
@Description("Classes transformed, errors suppressed, sites and meters of the perfweave agent")
@Period("everyChunk")
@StackTrace(false)
public final class AgentStatsEvent extends Event {

  @Label("Classes Transformed")
  public long transformedClasses;

  @Label("Transform Errors")
  public long transformErrors;

  @Label("Advice Errors")
  public long adviceErrors;

  @Label("Sites")
  public int sites;

  @Label("Meters")
  public int meters;

  @Label("Cache Entries")
  public long cacheEntries;
}
