package io.perfweave.analyzer.model;

/** JVM-level findings: CPU, allocation, GC, locks, exceptions, socket I/O. */
public final class JvmModel {

  private final StackProfile cpu = new StackProfile();
  private final StackProfile allocation = new StackProfile();
  private final LongCounts allocationByType = new LongCounts();
  private final java.util.Map<String, LongCounts> allocationTypesByApplicationFrame = new java.util.HashMap<>();
  private final StackProfile locks = new StackProfile();
  private final LongCounts lockByMonitor = new LongCounts();
  private final LongCounts lockCountByMonitor = new LongCounts();
  private final java.util.Set<String> lockSources = new java.util.TreeSet<>();
  private final Latencies gcPauses = new Latencies();
  private final LongCounts gcByName = new LongCounts();
  private final LongCounts exceptionsByType = new LongCounts();
  private final LongCounts exceptionsByThrower = new LongCounts();
  private final LongCounts socketNanosByHost = new LongCounts();
  private final LongCounts socketCountByHost = new LongCounts();
  private final LongCounts costlyConstruction = new LongCounts();
  private final LongCounts connectionSetup = new LongCounts();

  public void merge(JvmModel other) {
    cpu.merge(other.cpu);
    allocation.merge(other.allocation);
    allocationByType.merge(other.allocationByType);
    other.allocationTypesByApplicationFrame.forEach((frame, types) -> allocationTypesByApplicationFrame
        .computeIfAbsent(frame, f -> new LongCounts()).merge(types));
    locks.merge(other.locks);
    lockByMonitor.merge(other.lockByMonitor);
    lockCountByMonitor.merge(other.lockCountByMonitor);
    lockSources.addAll(other.lockSources);
    gcPauses.merge(other.gcPauses);
    gcByName.merge(other.gcByName);
    exceptionsByType.merge(other.exceptionsByType);
    exceptionsByThrower.merge(other.exceptionsByThrower);
    socketNanosByHost.merge(other.socketNanosByHost);
    socketCountByHost.merge(other.socketCountByHost);
    costlyConstruction.merge(other.costlyConstruction);
    connectionSetup.merge(other.connectionSetup);
  }

  /** CPU samples opening connections (TCP connect, TLS handshake), by first application frame. */
  public LongCounts connectionSetup() {
    return connectionSetup;
  }

  /** CPU samples by method. */
  public StackProfile cpu() {
    return cpu;
  }

  /** Allocated bytes (sampled, weighted) by method. */
  public StackProfile allocation() {
    return allocation;
  }

  public LongCounts allocationByType() {
    return allocationByType;
  }

  /** Counts bytes of {@code type} allocated under the application frame {@code frame}. */
  public void allocatedUnder(String frame, String type, long bytes) {
    allocationTypesByApplicationFrame.computeIfAbsent(frame, f -> new LongCounts()).add(type, bytes);
  }

  /** The types allocated (sampled bytes) in samples whose first application frame is {@code frame}. */
  public LongCounts allocationTypesUnder(String frame) {
    return allocationTypesByApplicationFrame.getOrDefault(frame, new LongCounts());
  }

  /** Blocked nanoseconds on contended monitors and locks, by method. */
  public StackProfile locks() {
    return locks;
  }

  public LongCounts lockNanosByMonitor() {
    return lockByMonitor;
  }

  public LongCounts lockCountByMonitor() {
    return lockCountByMonitor;
  }

  /**
   * Where the lock figures came from: JFR's event types (each event one wait above its
   * threshold), or {@code async-profiler <type>} (samples, each standing for its interval).
   */
  public java.util.Set<String> lockSources() {
    return lockSources;
  }

  public Latencies gcPauses() {
    return gcPauses;
  }

  public LongCounts gcByName() {
    return gcByName;
  }

  public LongCounts exceptionsByType() {
    return exceptionsByType;
  }

  /** Exceptions by "type at first application frame". */
  public LongCounts exceptionsByThrower() {
    return exceptionsByThrower;
  }

  public LongCounts socketNanosByHost() {
    return socketNanosByHost;
  }

  public LongCounts socketCountByHost() {
    return socketCountByHost;
  }

  /** Samples in the construction of costly objects (clients, mappers, patterns), by "what at caller". */
  public LongCounts costlyConstruction() {
    return costlyConstruction;
  }
}
