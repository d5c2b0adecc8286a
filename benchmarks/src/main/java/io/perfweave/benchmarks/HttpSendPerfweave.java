package io.perfweave.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link HttpSend} with perfweave's built-in HTTP site timing the call (method, status, key hash,
 * one {@code perfweave.RpcCall} with stack trace), its JFR recording running, async-profiler off.
 */
@Fork(
    value = 2,
    jvmArgsAppend = {
      "-javaagent:../agent/target/perfweave-agent.jar=config=bench-perfweave.yaml",
      "-Dperfweave.profiling.asyncProfiler.enabled=false"
    })
public class HttpSendPerfweave extends HttpSend {}
