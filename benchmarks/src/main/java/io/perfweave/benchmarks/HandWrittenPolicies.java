package io.perfweave.benchmarks;

import com.example.bench.Targets;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The policies perfweave weaves, written by hand in the application the usual way: a Caffeine
 * cache in front of the call, and a Resilience4j retry around it. No agent, no recording.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class HandWrittenPolicies {

  private final Targets.Plain plain = new Targets.Plain();
  private final Cache<Long, Long> cache =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).maximumSize(1000).build();
  private final Retry retry =
      Retry.of("bench", RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(10))
          .retryExceptions(IOException.class).build());
  private final Long key = 42L;

  @Benchmark
  public long caffeineHit() {
    return cache.get(key, plain::get);
  }

  @Benchmark
  public long resilience4jRetryNoFailure() throws Throwable {
    return retry.executeCheckedSupplier(() -> plain.get(key));
  }
}
