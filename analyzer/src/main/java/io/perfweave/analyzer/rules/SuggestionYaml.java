package io.perfweave.analyzer.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sites as perfweave.yaml: the snippet in a finding and the whole suggested config. */
public final class SuggestionYaml {

  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private SuggestionYaml() {}

  /**
   * Where a suggested shared cache ({@code l2}) is: the agent needs a {@code redis:} section; this
   * one names a local Redis, for the user to point at theirs (or {@code PERFWEAVE_REDIS_URL}).
   */
  static final String REDIS_URL = "redis://127.0.0.1:6379";

  /**
   * A config with {@code sites:} holding the given sites, {@code http.jsonRpc.methods} the given
   * JSON-RPC methods, and {@code redis:} where a cache has a shared level.
   */
  public static String sites(List<SiteSuggestion> sites) {
    Map<String, Object> root = new LinkedHashMap<>();
    List<Map<String, Object>> woven =
        sites.stream().filter(s -> !s.jsonRpc()).map(SuggestionYaml::site).toList();
    if (!woven.isEmpty()) {
      root.put("sites", woven);
    }
    Map<String, Object> methods = new LinkedHashMap<>();
    sites.stream().filter(SiteSuggestion::jsonRpc).forEach(s -> methods.put(s.method(), method(s)));
    if (!methods.isEmpty()) {
      root.put("http", Map.of("jsonRpc", Map.of("methods", methods)));
    }
    if (sites.stream().anyMatch(s -> s.cache().containsKey("l2"))) {
      root.put("redis", Map.of("url", REDIS_URL));
    }
    return write(root);
  }

  private static Map<String, Object> method(SiteSuggestion method) {
    return withPolicies(new LinkedHashMap<>(), method);
  }

  /** Adds {@code idempotent} and, where proposed, {@code cache} and {@code retry}. */
  private static Map<String, Object> withPolicies(Map<String, Object> yaml, SiteSuggestion site) {
    yaml.put("idempotent", site.idempotent());
    if (!site.cache().isEmpty()) {
      yaml.put("cache", site.cache());
    }
    if (site.cacheBlockTags()) {
      yaml.put("cacheBlockTags", true);
    }
    if (!site.retry().isEmpty()) {
      yaml.put("retry", site.retry());
    }
    return yaml;
  }

  static Map<String, Object> site(SiteSuggestion site) {
    Map<String, Object> yaml = new LinkedHashMap<>();
    yaml.put("name", site.name());
    Map<String, Object> match = new LinkedHashMap<>();
    match.put("type", site.type());
    match.put("method", site.method());
    yaml.put("match", match);
    return withPolicies(yaml, site);
  }

  private static String write(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
