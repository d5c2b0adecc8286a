package io.perfweave.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link HttpCanned} under perfweave's built-in HTTP site with its default profiling, as
 * {@code bench-perfweave.yaml} has it (JFR and async-profiler).
 */
@Fork(
    value = 2,
    jvmArgsAppend = {"-javaagent:../agent/target/perfweave-agent.jar=config=bench-perfweave.yaml"})
public class HttpCannedPerfweave extends HttpCanned {}
