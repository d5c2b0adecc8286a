package io.perfweave.agent.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One mapping of the config tree ({@link YamlSource}'s values: maps, lists, strings, Booleans),
 * read key by key. Every error names the full key ({@code sites[2].retry.maxAttempts}) and where
 * it was set.
 */
final class Section {

  private final Object node;
  private final String path;
  private final String pointer;
  private final Origins origins;

  Section(Object node, String path, String pointer, Origins origins) {
    this.node = node;
    this.path = path;
    this.pointer = pointer;
    this.origins = origins;
  }

  /** Fails on the first key that is not one of {@code known}. */
  Section allowOnly(Set<String> known) throws ConfigException {
    if (!(node instanceof Map)) {
      throw errorHere("must be a mapping of keys to values");
    }
    for (String key : mapping().keySet()) {
      if (!known.contains(key)) {
        throw error(
            key, "is not a known key (known here: " + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
    return this;
  }

  /** The keys of this mapping, in the order written. */
  List<String> keys() {
    return new ArrayList<>(mapping().keySet());
  }

  boolean has(String key) {
    return value(key) != null;
  }

  String string(String key, String fallback) throws ConfigException {
    Object value = value(key);
    if (value == null) {
      return fallback;
    }
    if (!isScalar(value)) {
      throw error(key, "must be a single value");
    }
    return value.toString();
  }

  boolean bool(String key, boolean fallback) throws ConfigException {
    String text = string(key, Boolean.toString(fallback));
    if (!text.equals("true") && !text.equals("false")) {
      throw error(key, "must be true or false, was '" + text + "'");
    }
    return Boolean.parseBoolean(text);
  }

  long number(String key, long fallback) throws ConfigException {
    return parse(key, Long.toString(fallback), Long::parseLong, "a whole number");
  }

  double decimal(String key, double fallback) throws ConfigException {
    return parse(key, Double.toString(fallback), Double::parseDouble, "a number");
  }

  Duration duration(String key, Duration fallback) throws ConfigException {
    if (!has(key)) {
      return fallback;
    }
    return convert(key, Units::duration);
  }

  long bytes(String key, long fallback) throws ConfigException {
    if (!has(key)) {
      return fallback;
    }
    return convert(key, Units::bytes);
  }

  <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) throws ConfigException {
    Object value = value(key);
    // YAML 1.1 reads a bare `on`/`off` as a boolean; `mode: on` means the word
    String text = value instanceof Boolean on ? (on ? "on" : "off") : string(key, fallback.name());
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(text)) {
        return constant;
      }
    }
    throw error(key, "must be one of " + lowerNames(type) + ", was '" + text + "'");
  }

  /** A list of scalars; a single scalar counts as a list of one. */
  List<String> strings(String key, List<String> fallback) throws ConfigException {
    Object value = value(key);
    if (value == null) {
      return fallback;
    }
    if (isScalar(value)) {
      return List.of(value.toString());
    }
    if (!(value instanceof List<?> list)) {
      throw error(key, "must be a list of single values");
    }
    List<String> items = new ArrayList<>();
    for (Object item : list) {
      if (item == null || !isScalar(item)) {
        throw error(key, "must be a list of single values");
      }
      items.add(item.toString());
    }
    return items;
  }

  Optional<Section> section(String key) throws ConfigException {
    if (!has(key)) {
      return Optional.empty();
    }
    if (!(value(key) instanceof Map)) {
      throw error(key, "must be a mapping of keys to values");
    }
    return Optional.of(child(key));
  }

  List<Section> list(String key) throws ConfigException {
    Object value = value(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw error(key, "must be a list");
    }
    List<Section> items = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      items.add(new Section(list.get(i), path(key) + "[" + i + "]", pointer(key) + "/" + i, origins));
    }
    return items;
  }

  /**
   * Builds a config record; its constructor's check failures (whose messages start with the key)
   * become config errors at that key.
   */
  <T> T build(Supplier<T> constructor) throws ConfigException {
    try {
      return constructor.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      String message = e.getMessage();
      int space = message.indexOf(' ');
      String key = space < 0 ? "" : message.substring(0, space);
      if (mapping().containsKey(key)) {
        return failAt(key, message.substring(space + 1));
      }
      throw errorHere(message);
    }
  }

  ConfigException error(String key, String problem) {
    return new ConfigException(
        path(key) + " " + problem + " (" + origins.of(pointer(key)) + ")");
  }

  ConfigException errorHere(String problem) {
    String where = path.isEmpty() ? "config" : path;
    return new ConfigException(where + " " + problem + " (" + origins.of(pointer) + ")");
  }

  private <T> T failAt(String key, String problem) throws ConfigException {
    throw error(key, problem);
  }

  private <T> T parse(String key, String fallback, Function<String, T> parser, String kind)
      throws ConfigException {
    String text = string(key, fallback);
    try {
      return parser.apply(text);
    } catch (NumberFormatException e) {
      throw error(key, "must be " + kind + ", was '" + text + "'");
    }
  }

  private <T> T convert(String key, Function<String, T> parser) throws ConfigException {
    String text = string(key, "");
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage());
    }
  }

  private Section child(String key) {
    return new Section(value(key), path(key), pointer(key), origins);
  }

  /** The value at {@code key}; null where it is missing or written as null. */
  private Object value(String key) {
    return mapping().get(key);
  }

  /** This section's keys and values; none where it is not a mapping (which allowOnly reports). */
  @SuppressWarnings("unchecked")
  private Map<String, Object> mapping() {
    return node instanceof Map ? (Map<String, Object>) node : Map.of();
  }

  private static boolean isScalar(Object value) {
    return !(value instanceof Map) && !(value instanceof List);
  }

  private String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private String pointer(String key) {
    return pointer + "/" + key;
  }

  private static String lowerNames(Class<? extends Enum<?>> type) {
    List<String> names = new ArrayList<>();
    for (Enum<?> constant : type.getEnumConstants()) {
      names.add(constant.name().toLowerCase(java.util.Locale.ROOT));
    }
    return String.join(" | ", names);
  }
}
