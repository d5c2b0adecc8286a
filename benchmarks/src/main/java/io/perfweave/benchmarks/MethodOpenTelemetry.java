package io.perfweave.benchmarks;

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
 * The OpenTelemetry agent timing the same one-line method perfweave's {@code AdviceBenchmark}
 * times: its method instrumentation ({@code otel.instrumentation.methods.include}), a span per
 * call, exporters off.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {
      "-javaagent:target/peers/opentelemetry-javaagent.jar",
      "-Dotel.instrumentation.methods.include=com.example.bench.Targets$Timed[get]",
      "-Dotel.traces.exporter=none",
      "-Dotel.metrics.exporter=none",
      "-Dotel.logs.exporter=none"
    })
public class MethodOpenTelemetry {

  private final Targets.Plain plain = new Targets.Plain();
  private final Targets.Timed timed = new Targets.Timed();
  private final long key = 42;

  @Benchmark
  public long baseline() {
    return plain.get(key);
  }

  @Benchmark
  public long timing() {
    return timed.get(key);
  }
}
