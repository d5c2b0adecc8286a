package io.perfweave.analyzer.model;

import java.util.ArrayList;
import java.util.List;

/** What the recordings themselves are: files, time span, sampling, and how far to trust them. */
public final class RunFacts {

  /** One input file and what became of it. */
  public record InputFile(String path, long bytes, String kind, boolean partial, String problem) {}

  private final List<InputFile> files = new ArrayList<>();
  private long startNanos = Long.MAX_VALUE;
  private long endNanos = Long.MIN_VALUE;
  private String cpuEngine = "";
  private String jvmVersion = "";
  private String jvmArguments = "";
  private Boolean debugNonSafepoints;
  private long lostBytes;
  private long adviceErrors;
  private long transformErrors;
  private String sampleSource = "none";
  private String cpuSampleEvent = "";
  private long lostCpuSamples;
  private long pid;
  private String host = "";
  private long jvmStartMillis;

  public void addFile(InputFile file) {
    files.add(file);
  }

  public void span(long start, long end) {
    if (start > 0) {
      startNanos = Math.min(startNanos, start);
    }
    if (end > 0) {
      endNanos = Math.max(endNanos, end);
    }
  }

  public void merge(RunFacts other) {
    files.addAll(other.files);
    startNanos = Math.min(startNanos, other.startNanos);
    endNanos = Math.max(endNanos, other.endNanos);
    cpuEngine = cpuEngine.isEmpty() ? other.cpuEngine : cpuEngine;
    jvmVersion = jvmVersion.isEmpty() ? other.jvmVersion : jvmVersion;
    jvmArguments = jvmArguments.isEmpty() ? other.jvmArguments : jvmArguments;
    if (debugNonSafepoints == null || Boolean.FALSE.equals(other.debugNonSafepoints)) {
      debugNonSafepoints = other.debugNonSafepoints == null ? debugNonSafepoints : other.debugNonSafepoints;
    }
    lostBytes += other.lostBytes;
    lostCpuSamples += other.lostCpuSamples;
    cpuSampleEvent = cpuSampleEvent.isEmpty() ? other.cpuSampleEvent : cpuSampleEvent;
    adviceErrors = Math.max(adviceErrors, other.adviceErrors);
    transformErrors = Math.max(transformErrors, other.transformErrors);
    if (pid == 0) {
      identity(other.pid, other.host, other.jvmStartMillis);
    }
  }

  /**
   * Adds another JVM's facts: its agent's error counts add up (within one JVM they are running
   * totals, merged by their maximum); the fleet has no single identity.
   */
  public void mergeJvm(RunFacts other) {
    long advice = adviceErrors + other.adviceErrors;
    long transform = transformErrors + other.transformErrors;
    merge(other);
    adviceErrors = advice;
    transformErrors = transform;
    identity(0, "", 0);
  }

  /** Which JVM recorded, as its agent said (0.3 and later; 0 and "" before). */
  public void identity(long pid, String host, long startMillis) {
    this.pid = pid;
    this.host = host;
    this.jvmStartMillis = startMillis;
  }

  public long pid() {
    return pid;
  }

  public String host() {
    return host;
  }

  public long jvmStartMillis() {
    return jvmStartMillis;
  }

  public List<InputFile> files() {
    return files;
  }

  public boolean partial() {
    return files.stream().anyMatch(f -> f.partial() || !f.problem().isEmpty());
  }

  public long startNanos() {
    return startNanos == Long.MAX_VALUE ? 0 : startNanos;
  }

  public long endNanos() {
    return endNanos == Long.MIN_VALUE ? 0 : endNanos;
  }

  public long durationNanos() {
    return Math.max(0, endNanos() - startNanos());
  }

  public String cpuEngine() {
    return cpuEngine;
  }

  public void cpuEngine(String engine) {
    this.cpuEngine = engine;
  }

  public String jvmVersion() {
    return jvmVersion;
  }

  public void jvm(String version, String arguments) {
    this.jvmVersion = version;
    this.jvmArguments = arguments;
  }

  public String jvmArguments() {
    return jvmArguments;
  }

  /** Null when no recording said. */
  public Boolean debugNonSafepoints() {
    return debugNonSafepoints;
  }

  public void debugNonSafepoints(boolean on) {
    this.debugNonSafepoints = on;
  }

  public long lostBytes() {
    return lostBytes;
  }

  public void lost(long bytes) {
    lostBytes += bytes;
  }

  public long adviceErrors() {
    return adviceErrors;
  }

  public long transformErrors() {
    return transformErrors;
  }

  public void agentStats(long advice, long transform) {
    adviceErrors = Math.max(adviceErrors, advice);
    transformErrors = Math.max(transformErrors, transform);
  }

  /** Where CPU and allocation samples came from: async-profiler, jfr, or none. */
  public String sampleSource() {
    return sampleSource;
  }

  public void sampleSource(String source) {
    this.sampleSource = source;
  }

  /**
   * The event the CPU profile counts: {@code jdk.CPUTimeSample} (JDK 25, CPU time per thread)
   * where a recording has it, else {@code jdk.ExecutionSample} (async-profiler's or JFR's); "" for none.
   */
  public String cpuSampleEvent() {
    return cpuSampleEvent;
  }

  public void cpuSampleEvent(String event) {
    this.cpuSampleEvent = event;
  }

  /** CPU-time samples the JVM could not take ({@code jdk.CPUTimeSamplesLost}). */
  public long lostCpuSamples() {
    return lostCpuSamples;
  }

  public void lostCpuSamples(long lost) {
    lostCpuSamples += lost;
  }
}
