package io.perfweave.profiler;

import java.io.IOException;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Configuration;

/**
 * The JDK settings perfweave's recording starts from: the chosen configuration's, with the JVM's
 * table statistics (its symbol, string, placeholder, loader-constraint and protection-domain
 * tables) taken once per chunk instead of every 10 s. Each such event walks its whole table on
 * JFR's periodic thread, a walk that grows with the classes and strings an application has; on
 * the sample application at 100 operations/s the symbol and string tables' walks were 0.6 % of
 * the process's CPU (perf, 40 s, the default profiling). The analyzer reads none of them; a
 * recording opened in JDK Mission Control still has each, once per chunk.
 */
final class RecordingSettings {

  static final List<String> TABLE_STATISTICS =
      List.of(
          "jdk.SymbolTableStatistics",
          "jdk.StringTableStatistics",
          "jdk.PlaceholderTableStatistics",
          "jdk.LoaderConstraintsTableStatistics",
          "jdk.ProtectionDomainCacheTableStatistics");

  private RecordingSettings() {}

  /** The named JDK configuration ({@code default}, {@code profile}), made lighter as above. */
  static Map<String, String> of(String configuration) throws IOException, ParseException {
    return lighter(Configuration.getConfiguration(configuration).getSettings());
  }

  /** {@code settings} with each table statistic that has a period taken once per chunk. */
  static Map<String, String> lighter(Map<String, String> settings) {
    Map<String, String> lighter = new HashMap<>(settings);
    for (String event : TABLE_STATISTICS) {
      lighter.computeIfPresent(event + "#period", (key, period) -> "everyChunk");
    }
    return lighter;
  }
}
