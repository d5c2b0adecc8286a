package io.perfweave.instrumentation.events;

import io.perfweave.contract.Events;
import io.perfweave.contract.SiteStatsField;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Registered;
import jdk.jfr.StackTrace;

/** {@code perfweave.SiteStats}: a site's calls in one second that had no event of their own. */
@Name(Events.SITE_STATS)
@Label("perfweave Site Statistics")
@Category({"perfweave", "RPC"})
@Description("Calls of a site beyond its per-second event budget, counted instead of recorded one by one")
@Registered(false)
@StackTrace(false)
public final class SiteStatsEvent extends Event {

  static {
    PerfweaveEvents.initialised(SiteStatsEvent.class);
  }

  @Name(SiteStatsField.SITE)
  @Label("Site")
  public String site;

  @Name(SiteStatsField.RPC_METHOD)
  @Label("RPC Method")
  public String rpcMethod;

  @Name(SiteStatsField.UNRECORDED)
  @Label("Calls Without Their Own Event")
  public long unrecorded;

  @Name(SiteStatsField.SUCCESS)
  @Label("Sent, Succeeded")
  public long success;

  @Name(SiteStatsField.CACHE_HITS)
  @Label("Cache Hits")
  public long cacheHits;

  @Name(SiteStatsField.L2_HITS)
  @Label("Shared Cache Hits")
  public long l2Hits;

  @Name(SiteStatsField.SHADOW_HITS)
  @Label("Shadow Hits")
  public long shadowHits;

  @Name(SiteStatsField.COALESCED)
  @Label("Coalesced")
  public long coalesced;

  @Name(SiteStatsField.LATENCIES)
  @Label("Latencies")
  @Description("HdrHistogram, compressed, base64 (ns)")
  public String latencies;
}
