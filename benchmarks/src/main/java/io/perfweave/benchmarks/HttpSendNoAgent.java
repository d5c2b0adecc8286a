package io.perfweave.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/** {@link HttpSend} with no agent: the baseline. */
@Fork(value = 2)
public class HttpSendNoAgent extends HttpSend {}
