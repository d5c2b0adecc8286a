package io.perfweave.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What perfweave knows of the JSON-RPC dialects its users run (Ethereum, Solana, NEAR, Neo N3):
 * per method, whether it reads or writes, whether a read is fixed given its params, and the
 * method that batches it. The catalogue is data, {@code jsonrpc-dialects.tsv} beside this class.
 */
public final class JsonRpcDialects {

  /** What a method does. */
  public enum Kind {
    /** Changes state or is not safe to send twice: never cached, never retried. */
    WRITE,
    /** Reads state that moves on. */
    READ,
    /** Reads state at the block its params name: fixed for a number or hash, moving for a tag. */
    AT_BLOCK,
    /** The answer never changes once it exists. */
    IMMUTABLE
  }

  /** One method of the catalogue; {@code batch} is empty where no method batches it. */
  public record Method(String dialect, String name, Kind kind, Optional<String> batch) {}

  /**
   * Members of a result object that say at which block or slot it was read, not what was read:
   * Solana's {@code context} ({@code {slot}}), NEAR's {@code block_height} and {@code block_hash}.
   * They change with every block though the value does not, so they are left out of a result's
   * hash.
   */
  public static final Set<String> READ_POINT_FIELDS = Set.of("context", "block_height", "block_hash");

  private static final Map<String, Method> METHODS = load();

  private JsonRpcDialects() {}

  /** The catalogue's entry for {@code method}, or empty for a method it does not know. */
  public static Optional<Method> of(String method) {
    return Optional.ofNullable(METHODS.get(method));
  }

  /** Whether {@code method} is a known write: nothing may make it idempotent by a pattern. */
  public static boolean isKnownWrite(String method) {
    Method known = METHODS.get(method);
    return known != null && known.kind() == Kind.WRITE;
  }

  /** Whether {@code method} is a known read of any kind. */
  public static boolean isKnownRead(String method) {
    Method known = METHODS.get(method);
    return known != null && known.kind() != Kind.WRITE;
  }

  /** Every known write, sorted. */
  public static List<String> knownWrites() {
    return METHODS.values().stream()
        .filter(m -> m.kind() == Kind.WRITE)
        .map(Method::name)
        .sorted()
        .toList();
  }

  /** How many methods the catalogue holds. */
  public static int size() {
    return METHODS.size();
  }

  private static Map<String, Method> load() {
    Map<String, Method> methods = new HashMap<>();
    try (InputStream in = JsonRpcDialects.class.getResourceAsStream("jsonrpc-dialects.tsv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        Method method = parse(line);
        if (methods.put(method.name(), method) != null) {
          throw new IllegalStateException("jsonrpc-dialects.tsv lists " + method.name() + " twice");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(methods);
  }

  private static Method parse(String line) {
    String[] columns = line.split("\t");
    if (columns.length != 4) {
      throw new IllegalStateException("jsonrpc-dialects.tsv: 4 columns expected in: " + line);
    }
    Kind kind = Kind.valueOf(columns[2].toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    Optional<String> batch = columns[3].equals("-") ? Optional.empty() : Optional.of(columns[3]);
    return new Method(columns[0], columns[1], kind, batch);
  }
}
