package io.perfweave.analyzer.model;

import java.util.Map;
import java.util.TreeMap;

/** Everything the analyzer knows after reading the recordings: run facts, sites, the JVM. */
public final class Model {

  private final RunFacts run = new RunFacts();
  private final Map<String, SiteModel> sites = new TreeMap<>();
  private final JvmModel jvm = new JvmModel();
  private final java.util.Set<String> eventTypes = new java.util.TreeSet<>();
  private final java.util.List<JvmRun> jvms = new java.util.ArrayList<>();
  private final MethodTimings methodTimings = new MethodTimings();
  private java.util.Set<String> fullCallLogs = java.util.Set.of();

  public RunFacts run() {
    return run;
  }

  public Map<String, SiteModel> sites() {
    return sites;
  }

  public SiteModel site(String name) {
    return sites.computeIfAbsent(name, n -> new SiteModel(n, !fullCallLogs.contains(n)));
  }

  /**
   * Makes this model a later part of a recording whose call logs of these sites are full
   * already: its calls of those sites are counted but not logged, as they would be left out.
   */
  public void callLogsFullFor(java.util.Set<String> sites) {
    fullCallLogs = java.util.Set.copyOf(sites);
  }

  /** The sites whose call log holds as many calls as it keeps. */
  public java.util.Set<String> sitesWithFullCallLogs() {
    java.util.Set<String> full = new java.util.HashSet<>();
    sites.forEach((name, site) -> {
      if (site.callLog().full()) {
        full.add(name);
      }
    });
    return full;
  }

  public JvmModel jvm() {
    return jvm;
  }

  /** Event types present in the recordings (with at least one event). */
  public java.util.Set<String> eventTypes() {
    return eventTypes;
  }

  /** Adds a later chunk of the same recording; its sites' call logs move here (see {@link SiteModel#append}). */
  public void append(Model later) {
    run.merge(later.run);
    later.sites.forEach((name, site) -> site(name).append(site));
    jvm.merge(later.jvm);
    eventTypes.addAll(later.eventTypes);
    methodTimings.mergeSameRecording(later.methodTimings);
  }

  /** Adds another, independent recording; its sites' call logs move here (see {@link SiteModel#merge}). */
  public void merge(Model other) {
    run.merge(other.run);
    mergeAllButRun(other);
    methodTimings.mergeSameRecording(other.methodTimings);
  }

  /**
   * Adds the recordings of one JVM of a fleet: its calls are marked as that JVM's (the what-if
   * replay keeps each JVM's own cache apart), and it gets a row of the per-JVM breakdown. Its
   * sites' call logs move here.
   */
  public void mergeJvm(Model jvm, JvmRun row) {
    int index = jvms.size();
    jvms.add(row);
    jvm.sites.values().forEach(site -> site.callLog().tagJvm(index));
    run.mergeJvm(jvm.run);
    mergeAllButRun(jvm);
    methodTimings.mergeJvm(jvm.methodTimings);
  }

  private void mergeAllButRun(Model other) {
    other.sites.forEach((name, site) -> site(name).merge(site));
    jvm.merge(other.jvm);
    eventTypes.addAll(other.eventTypes);
  }

  /** JDK 25's method timings: totals per traced method. */
  public MethodTimings methodTimings() {
    return methodTimings;
  }

  /** The JVMs whose recordings these are, one row each; empty before {@link #mergeJvm}. */
  public java.util.List<JvmRun> jvms() {
    return jvms;
  }

  /** Wall time spent in RPC calls, all sites, over the run's duration and threads. */
  public long rpcNanos() {
    return sites.values().stream().mapToLong(s -> s.latencies().totalNanos()).sum();
  }
}
