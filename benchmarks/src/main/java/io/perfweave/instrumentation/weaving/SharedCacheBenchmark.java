package io.perfweave.instrumentation.weaving;

import com.example.bench.Targets;
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
 * Cost per call of the shared cache, woven by the real agent jar against a real local
 * {@code redis-server}: a call that misses this JVM's cache and is answered by Redis, beside a
 * call that misses a cache without a shared level (the method runs). {@link Down} measures the
 * same calls while Redis is down. Run by {@code scripts/bench-shared-cache.sh}, which starts Redis.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-javaagent:../agent/target/perfweave-agent.jar=config=bench-shared.yaml"})
public class SharedCacheBenchmark {

  /** More keys than the own cache's ten entries, few enough to be stored in the first warm-up. */
  static final int KEYS = 10_000;

  private final Targets.Shared shared = new Targets.Shared();
  private final Targets.Uncacheable ownOnly = new Targets.Uncacheable();
  private long key;
  private long newKey = 1L << 40;

  @Benchmark
  public long l2Hit() {
    key = (key + 1) % KEYS;
    return shared.get(key);
  }

  @Benchmark
  public long ownCacheMiss() {
    return ownOnly.get(newKey++);
  }

  /** The same calls with Redis down (nothing listens on its port): the breaker skips it. */
  @Fork(
      value = 1,
      jvmArgsAppend = {
        "-javaagent:../agent/target/perfweave-agent.jar=config=bench-shared.yaml",
        "-Dperfweave.redis.url=redis://127.0.0.1:1"
      })
  public static class Down extends SharedCacheBenchmark {}
}
