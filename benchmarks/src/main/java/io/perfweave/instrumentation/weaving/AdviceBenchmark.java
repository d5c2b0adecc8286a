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
 * Cost per call of a method woven by the real agent jar, next to the same method unwoven, in the
 * same JVM. The agent records JFR as it does by default (perfweave's events enabled).
 *
 * <p>Run from the {@code benchmarks} directory after {@code mvn -B package -DskipTests}: {@code
 * java -jar target/benchmarks.jar AdviceBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-javaagent:../agent/target/perfweave-agent.jar=config=bench-perfweave.yaml"})
public class AdviceBenchmark {

  private final Targets.Plain plain = new Targets.Plain();
  private final Targets.Timed timed = new Targets.Timed();
  private final Targets.TimedStack timedStack = new Targets.TimedStack();
  private final Targets.Cached cached = new Targets.Cached();
  private final Targets.Uncacheable uncacheable = new Targets.Uncacheable();
  private final Targets.Retried retried = new Targets.Retried();
  private long key = 42;
  private long nextKey;

  @Benchmark
  public long baseline() {
    return plain.get(key);
  }

  @Benchmark
  public long timing() {
    return timed.get(key);
  }

  @Benchmark
  public long timingWithStackTrace() {
    return timedStack.get(key);
  }

  @Benchmark
  public long cacheHit() {
    return cached.get(key);
  }

  @Benchmark
  public long cacheMiss() {
    return uncacheable.get(nextKey++);
  }

  @Benchmark
  public long retryNoFailure() {
    return retried.get(key);
  }
}
