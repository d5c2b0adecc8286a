package io.perfweave.analyzer.model;

import java.util.Map;
import java.util.TreeMap;

/** Everything the analyzer knows after reading the recordings: run facts, sites, the JVM. */
public final class Model {

  private final RunFacts run = new RunFacts();
  private final Map<String, SiteModel> sites = new TreeMap<>();
  private final JvmModel jvm = new JvmModel();
  private final java.util.Set<String> eventTypes = new java.util.TreeSet<>();

  public RunFacts run() {
    return run;
  }

  public Map<String, SiteModel> sites() {
    return sites;
  }

  public SiteModel site(String name) {
    return sites.computeIfAbsent(name, SiteModel::new);
  }

  public JvmModel jvm() {
    return jvm;
  }

  /** Event types present in the recordings (with at least one event). */
  public java.util.Set<String> eventTypes() {
    return eventTypes;
  }

  /** Adds a later chunk of the same recording. */
  public void append(Model later) {
    run.merge(later.run);
    later.sites.forEach((name, site) -> site(name).append(site));
    jvm.merge(later.jvm);
    eventTypes.addAll(later.eventTypes);
  }

  /** Adds another, independent recording. */
  public void merge(Model other) {
    run.merge(other.run);
    other.sites.forEach((name, site) -> site(name).merge(site));
    jvm.merge(other.jvm);
    eventTypes.addAll(other.eventTypes);
  }

  /** Wall time spent in RPC calls, all sites, over the run's duration and threads. */
  public long rpcNanos() {
    return sites.values().stream().mapToLong(s -> s.latencies().totalNanos()).sum();
  }
}
