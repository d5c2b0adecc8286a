package io.perfweave.instrumentation.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.perfweave.bridge.Bridge;
import io.perfweave.bridge.Served;
import io.perfweave.instrumentation.config.CacheConfig;
import io.perfweave.instrumentation.config.Mode;
import io.perfweave.instrumentation.policy.Attempt;
import io.perfweave.instrumentation.policy.Clock;
import io.perfweave.instrumentation.policy.OnceNotes;
import io.perfweave.instrumentation.policy.Policy;
import io.perfweave.instrumentation.policy.PolicyCache;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** A woven site's calls through its advice's enter and exit, as the bridge drives them. */
final class PolicySiteTest {

  private final SiteRuntime site = new SiteRuntime("s", false, true, new Meters(null), "", 0);

  @Test
  void hitHandedOverAsKept_isRecordedAsEndingWhenItBegan() {
    Histogram latencies = latenciesOfAMissAndAHit(false);
    assertEquals(2, latencies.getTotalCount());
    assertEquals(1, latencies.getCountAtValue(0), "the hit, its clock read once");
  }

  @Test
  void hitServedAsACopy_isTimedByTheClock() {
    Histogram latencies = latenciesOfAMissAndAHit(true);
    assertEquals(2, latencies.getTotalCount());
    assertEquals(0, latencies.getCountAtValue(0), "copying takes time the clock sees");
  }

  /**
   * The site's latencies after a miss, whose method returns a value the cache keeps, and a hit on
   * the same key, each through the advice's enter and exit.
   */
  private Histogram latenciesOfAMissAndAHit(boolean copy) {
    PolicySite policySite = cachedSite(copy);
    Object sending = policySite.enter(String.class, "get(I)", null, new Object[] {1}, Bridge.thread());
    policySite.exit(sending, "v", null, "T#get");
    Object hit = policySite.enter(String.class, "get(I)", null, new Object[] {1}, Bridge.thread());
    assertInstanceOf(Served.class, hit);
    policySite.exit(hit, null, null, "T#get");
    return site.latencies();
  }

  private PolicySite cachedSite(boolean copy) {
    Clock clock = () -> 0;
    CacheConfig config =
        new CacheConfig(Duration.ofMinutes(1), 100, List.of(), false, Mode.ON, false, copy, Optional.empty());
    PolicyCache<CacheKey, Attempt> cache = new PolicyCache<>(config, clock, null, "c");
    Policy<CacheKey, Attempt> policy = new Policy<>(cache, null, null, Set.of(), clock, new OnceNotes());
    return new PolicySite(site, policy, new SiteExchange("s", cache));
  }
}
