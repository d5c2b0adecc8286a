package io.perfweave.profiler;

/** The {@code profiling:} section: the JFR recording and the async-profiler session. */
public record ProfilingConfig(JfrConfig jfr, AsyncProfilerConfig asyncProfiler) {}
