package io.perfweave.analyzer.summary;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One key of a site in a summary: how often it was called, and in which seconds by which JVM
 * (indexes into the summary's {@code jvms}). Never the key itself: its 64-bit hash, as in the
 * recording.
 */
final class KeyActivity {

  public long calls;
  /** JVM index → {@link Seconds}. */
  public Map<Integer, String> secondsByJvm = new TreeMap<>();

  /** The seconds of every JVM, decoded. */
  Map<Integer, TreeSet<Long>> decoded() {
    Map<Integer, TreeSet<Long>> seconds = new TreeMap<>();
    secondsByJvm.forEach((jvm, text) -> seconds.put(jvm, Seconds.decode(text)));
    return seconds;
  }

  /** Adds {@code other}'s calls, its JVMs numbered from {@code jvmOffset}. */
  void merge(KeyActivity other, int jvmOffset) {
    calls += other.calls;
    other.secondsByJvm.forEach((jvm, text) -> secondsByJvm.merge(jvm + jvmOffset, text, KeyActivity::union));
  }

  private static String union(String a, String b) {
    TreeSet<Long> seconds = Seconds.decode(a);
    seconds.addAll(Seconds.decode(b));
    return Seconds.encode(seconds);
  }
}
