package io.perfweave.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/** {@link HttpCanned} without an agent: the baseline. */
@Fork(2)
public class HttpCannedNoAgent extends HttpCanned {}
