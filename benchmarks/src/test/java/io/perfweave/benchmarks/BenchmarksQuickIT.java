package io.perfweave.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The CI smoke run of {@code scripts/benchmarks.sh --quick}: every benchmark runs (JMH with the
 * agents attached, start-up, throughput, analyzer against its peers, its planning) and its table
 * is written. The figures of a quick run mean nothing and are not checked; that each row is there
 * is.
 */
final class BenchmarksQuickIT {

  @Test
  void quickMode_writesEveryTable_withEveryModeAndPeer() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path out = root.resolve("benchmarks/target/benchmarks-quick.md");
    ProcessBuilder builder =
        new ProcessBuilder("bash", "scripts/benchmarks.sh", "--quick", "--out", out.toString())
            .directory(root.toFile())
            .redirectErrorStream(true);
    builder.environment().put("SKIP_BUILD", "1");
    Process process = builder.start();
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(15, TimeUnit.MINUTES), "quick mode finished");
    assertEquals(0, process.exitValue(), log);

    String tables = Files.readString(out);
    for (String row :
        List.of(
            "`AdviceBenchmark.timing`", "`AdviceBenchmark.cacheHit`", "`AdviceBenchmark.retryNoFailure`",
            "`MethodOpenTelemetry.timing`", "`HandWrittenPolicies.caffeineHit`",
            "`HandWrittenPolicies.resilience4jRetryNoFailure`", "`HttpSendNoAgent.send`",
            "`HttpSendPerfweave.send`", "`HttpSendOpenTelemetry.send`",
            "| no-agent |", "| perfweave |", "| perfweave+profiling |", "| jdk-jfr |", "| opentelemetry |",
            "`scripts/bench-startup.sh 1 HelloApp`",
            "| perfweave-timing |", "| perfweave-timing+profiling |",
            "| perfweave-analyzer analyze |", "| jdk.jfr.consumer, every event |",
            "| async-profiler JfrReader |", "| JMC 9.1.2 JfrHtmlRulesReport |", "| this build | 4 |")) {
      assertTrue(tables.contains(row), row + " in\n" + tables);
    }
  }
}
