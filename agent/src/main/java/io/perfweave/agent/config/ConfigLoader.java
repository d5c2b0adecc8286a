package io.perfweave.agent.config;

import io.perfweave.instrumentation.config.CacheConfig;
import io.perfweave.instrumentation.config.HttpConfig;
import io.perfweave.instrumentation.config.MetricsConfig;
import io.perfweave.instrumentation.config.RedisConfig;
import io.perfweave.instrumentation.config.SiteConfig;
import io.perfweave.profiler.AsyncProfilerConfig;
import io.perfweave.profiler.JfrConfig;
import io.perfweave.profiler.ProfilingConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads the config: the file named by {@code -Dperfweave.config}, {@code PERFWEAVE_CONFIG} or the
 * agent argument {@code config=PATH}; then environment variables {@code PERFWEAVE_<KEY>}; then
 * system properties {@code -Dperfweave.<key>}, each overriding the one before; then defaults for
 * what is left. Validates everything once and fails on the first problem with one line.
 */
public final class ConfigLoader {

  /** Keys that environment variables and system properties may set. */
  static final List<String> OVERRIDABLE =
      List.of(
          "output",
          "failFast",
          "profiling.jfr.enabled",
          "profiling.jfr.maxSize",
          "profiling.jfr.maxAge",
          "profiling.jfr.rotate",
          "profiling.jfr.keep",
          "profiling.jfr.callEventsPerSecond",
          "profiling.asyncProfiler.enabled",
          "profiling.asyncProfiler.interval",
          "http.enabled",
          "redis.url");

  /** Switches for perfweave's own tests (the test clock), not config. */
  private static final String INTERNAL = "perfweave.internal.";

  private static final Set<String> TOP_KEYS =
      Set.of("output", "failFast", "profiling", "sites", "http", "metrics", "redis");

  private final Map<String, String> agentArguments;
  private final Map<String, String> environment;
  private final Map<String, String> systemProperties;
  private final List<String> warnings = new ArrayList<>();

  /**
   * @param agentArguments the {@code -javaagent:...=ARGS} string, {@code key=value} pairs
   *     separated by commas; may be null or empty
   */
  public ConfigLoader(
      String agentArguments, Map<String, String> environment, Map<String, String> systemProperties)
      throws ConfigException {
    this.agentArguments = AgentArguments.parse(agentArguments);
    this.environment = new TreeMap<>(environment);
    this.systemProperties = new TreeMap<>(systemProperties);
  }

  /** Whether the user asked for a bad config to stop the JVM (read before the rest is checked). */
  public boolean failFastRequested() {
    String key = "failFast";
    String value = systemProperties.getOrDefault("perfweave." + key, environment.get(envName(key)));
    return Boolean.parseBoolean(value) || rawFileFailFast();
  }

  /** What {@link #load} found to warn about without refusing the config, one line each. */
  public List<String> warnings() {
    return warnings;
  }

  /** Loads and validates the whole config. */
  public PerfweaveConfig load() throws ConfigException {
    return bind(root());
  }

  /** The file, then the environment's and the system properties' overrides over it. */
  private Section root() throws ConfigException {
    Origins origins = new Origins("defaults");
    Map<String, Object> tree = readFile(origins);
    applyEnvironment(tree, origins);
    applySystemProperties(tree, origins);
    return new Section(tree, "", "", origins);
  }

  /**
   * Every problem of the config, one line each, in the order of its parts (the top-level keys,
   * profiling, each site, http, metrics): each part is checked on its own, so one mistake does
   * not hide the next. Empty when {@link #load} succeeds.
   */
  public List<ConfigException> allProblems() {
    Section root;
    try {
      root = root();
    } catch (ConfigException unreadable) {
      return List.of(unreadable);
    }
    List<ConfigException> problems = new ArrayList<>();
    check(problems, () -> root.allowOnly(TOP_KEYS));
    check(problems, () -> root.string("output", "perfweave-out"));
    check(problems, () -> root.bool("failFast", false));
    check(problems, () -> profiling(root.section("profiling")));
    check(problems, () -> {
      for (Section entry : root.list("sites")) {
        check(problems, () -> SiteReader.read(entry));
      }
      return null;
    });
    check(problems, () -> http(root.section("http")));
    check(problems, () -> MetricsReader.read(root.section("metrics")));
    check(problems, () -> RedisReader.read(root.section("redis")));
    if (problems.isEmpty()) {
      // what only the whole config shows (a site name used twice)
      check(problems, () -> bind(root));
    }
    return problems;
  }

  private static void check(List<ConfigException> problems, Part part) {
    try {
      part.read();
    } catch (ConfigException problem) {
      problems.add(problem);
    }
  }

  @FunctionalInterface
  private interface Part {
    Object read() throws ConfigException;
  }

  private boolean rawFileFailFast() {
    try {
      Object failFast = readFile(new Origins("")).get("failFast");
      return failFast != null && Boolean.parseBoolean(failFast.toString());
    } catch (ConfigException e) {
      return false;
    }
  }

  private Map<String, Object> readFile(Origins origins) throws ConfigException {
    String file =
        systemProperties.getOrDefault(
            "perfweave.config",
            environment.getOrDefault("PERFWEAVE_CONFIG", agentArguments.get("config")));
    if (file == null) {
      return new java.util.LinkedHashMap<>();
    }
    return YamlSource.read(Path.of(file), origins);
  }

  private void applyEnvironment(Map<String, Object> tree, Origins origins) throws ConfigException {
    Map<String, String> known = new TreeMap<>();
    for (String key : OVERRIDABLE) {
      known.put(envName(key), key);
    }
    for (Map.Entry<String, String> variable : environment.entrySet()) {
      String name = variable.getKey();
      if (!name.startsWith("PERFWEAVE_") || name.equals("PERFWEAVE_CONFIG")) {
        continue;
      }
      String key = known.get(name);
      if (key == null) {
        // a variable of the same prefix may belong to something else (PERFWEAVE_HOME of a
        // script): said, not fatal
        warnings.add("environment variable " + name + " is not a perfweave key, ignored (known: "
            + String.join(", ", known.keySet()) + ")");
        continue;
      }
      override(tree, origins, key, variable.getValue(), "environment " + name);
    }
  }

  private void applySystemProperties(Map<String, Object> tree, Origins origins) throws ConfigException {
    for (Map.Entry<String, String> property : systemProperties.entrySet()) {
      String name = property.getKey();
      if (!name.startsWith("perfweave.")
          || name.equals("perfweave.config")
          || name.startsWith(INTERNAL)) {
        continue;
      }
      String key = name.substring("perfweave.".length());
      if (!OVERRIDABLE.contains(key)) {
        throw new ConfigException(
            "system property -D" + name + " is not a known key (known: perfweave."
                + String.join(", perfweave.", OVERRIDABLE) + ")");
      }
      override(tree, origins, key, property.getValue(), "-D" + name);
    }
  }

  private static void override(
      Map<String, Object> tree, Origins origins, String key, String value, String origin)
      throws ConfigException {
    String[] parts = key.split("\\.");
    Map<String, Object> node = tree;
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < parts.length - 1; i++) {
      pointer.append('/').append(parts[i]);
      Object next = node.get(parts[i]);
      if (next != null && !(next instanceof Map)) {
        throw new ConfigException(
            key + " cannot be set by " + origin + ": " + parts[i] + " is not a mapping ("
                + origins.of(pointer.toString()) + ")");
      }
      node = next == null ? putMapping(node, parts[i]) : mapping(next);
    }
    node.put(parts[parts.length - 1], value);
    origins.put("/" + key.replace('.', '/'), origin);
  }

  private static Map<String, Object> putMapping(Map<String, Object> parent, String key) {
    Map<String, Object> child = new java.util.LinkedHashMap<>();
    parent.put(key, child);
    return child;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mapping(Object value) {
    return (Map<String, Object>) value;
  }

  private static PerfweaveConfig bind(Section root) throws ConfigException {
    root.allowOnly(TOP_KEYS);
    Path output = Path.of(root.string("output", "perfweave-out"));
    boolean failFast = root.bool("failFast", false);
    ProfilingConfig profiling = profiling(root.section("profiling"));
    List<SiteConfig> sites = sites(root);
    HttpConfig http = http(root.section("http"));
    MetricsConfig metrics = MetricsReader.read(root.section("metrics"));
    Optional<RedisConfig> redis = RedisReader.read(root.section("redis"));
    requireRedisForL2(root, sites, http, redis);
    return new PerfweaveConfig(output, failFast, profiling, sites, http, metrics, redis);
  }

  private static void requireRedisForL2(
      Section root, List<SiteConfig> sites, HttpConfig http, Optional<RedisConfig> redis)
      throws ConfigException {
    if (redis.isPresent()) {
      return;
    }
    Stream<CacheConfig> caches =
        Stream.concat(
            sites.stream().flatMap(site -> site.cache().stream()),
            http.jsonRpcMethods().stream().flatMap(method -> method.cache().stream()));
    if (caches.anyMatch(cache -> cache.l2Ttl().isPresent())) {
      throw root.errorHere("a cache has an l2 level but there is no redis: section (its url)");
    }
  }

  private static List<SiteConfig> sites(Section root) throws ConfigException {
    List<SiteConfig> sites = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Section entry : root.list("sites")) {
      SiteConfig site = SiteReader.read(entry);
      if (!names.add(site.name())) {
        throw entry.error("name", "must be unique, '" + site.name() + "' is used twice");
      }
      sites.add(site);
    }
    return sites;
  }

  private static ProfilingConfig profiling(java.util.Optional<Section> section)
      throws ConfigException {
    Section profiling = section.orElse(null);
    JfrConfig jfr =
        new JfrConfig(true, 256L << 20, Duration.ofMinutes(30), Duration.ZERO, 5, false, "default", 1000);
    AsyncProfilerConfig async =
        new AsyncProfilerConfig(true, List.of("cpu", "alloc", "lock"), Duration.ofMillis(10));
    if (profiling == null) {
      return new ProfilingConfig(jfr, async);
    }
    profiling.allowOnly(Set.of("jfr", "asyncProfiler"));
    if (profiling.has("jfr")) {
      Section j = profiling.section("jfr").orElseThrow();
      j.allowOnly(Set.of(
          "enabled", "maxSize", "maxAge", "rotate", "keep", "recordEnvironment", "settings", "callEventsPerSecond"));
      boolean enabled = j.bool("enabled", jfr.enabled());
      long maxSize = j.bytes("maxSize", jfr.maxSizeBytes());
      Duration maxAge = j.duration("maxAge", jfr.maxAge());
      Duration rotate = j.duration("rotate", jfr.rotate());
      int keep = (int) j.number("keep", jfr.keep());
      boolean environment = j.bool("recordEnvironment", jfr.recordEnvironment());
      String settings = j.string("settings", jfr.settings());
      long perSecond = j.number("callEventsPerSecond", jfr.callEventsPerSecond());
      jfr = j.build(() -> new JfrConfig(enabled, maxSize, maxAge, rotate, keep, environment, settings, perSecond));
    }
    if (profiling.has("asyncProfiler")) {
      Section a = profiling.section("asyncProfiler").orElseThrow();
      a.allowOnly(Set.of("enabled", "events", "interval"));
      boolean enabled = a.bool("enabled", async.enabled());
      List<String> events = a.strings("events", async.events());
      Duration interval = a.duration("interval", async.interval());
      async = a.build(() -> new AsyncProfilerConfig(enabled, events, interval));
    }
    return new ProfilingConfig(jfr, async);
  }

  private static HttpConfig http(java.util.Optional<Section> section) throws ConfigException {
    return section.isEmpty() ? new HttpConfig(true, List.of(), List.of()) : HttpReader.read(section.get());
  }

  static String envName(String key) {
    return "PERFWEAVE_" + key.replace('.', '_').toUpperCase(Locale.ROOT);
  }
}
