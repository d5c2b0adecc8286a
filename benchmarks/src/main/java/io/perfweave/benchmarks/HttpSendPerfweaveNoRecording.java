package io.perfweave.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link HttpSend} with perfweave's built-in HTTP site and no recording at all: what the advice,
 * the request reading and the meters cost without the JFR event being written.
 */
@Fork(
    value = 2,
    jvmArgsAppend = {
      "-javaagent:../agent/target/perfweave-agent.jar=config=bench-perfweave.yaml",
      "-Dperfweave.profiling.jfr.enabled=false",
      "-Dperfweave.profiling.asyncProfiler.enabled=false"
    })
public class HttpSendPerfweaveNoRecording extends HttpSend {}
