package io.perfweave.analyzer.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The sites of two runs paired by identity: by name; then, for those left, by name without the
 * port ({@code http:127.0.0.1:8545/rpc eth_call} and {@code http:127.0.0.1:9001/rpc eth_call}),
 * then without the host, each only where it leaves exactly one site on either side.
 */
final class SitePairs {

  /** A pair; one side is null for a site of one run only. */
  record Pair(String before, String after) {

    String name() {
      return before == null ? after : after == null || after.equals(before) ? before : identity(before);
    }

    boolean paired() {
      return before != null && after != null;
    }
  }

  private SitePairs() {}

  static List<Pair> pair(Set<String> before, Set<String> after) {
    Set<String> left = new TreeSet<>(before);
    Set<String> right = new TreeSet<>(after);
    List<Pair> pairs = new ArrayList<>();
    for (String name : before) {
      if (right.remove(name)) {
        left.remove(name);
        pairs.add(new Pair(name, name));
      }
    }
    pairBy(SitePairs::withoutPort, left, right, pairs);
    pairBy(SitePairs::identity, left, right, pairs);
    left.forEach(name -> pairs.add(new Pair(name, null)));
    right.forEach(name -> pairs.add(new Pair(null, name)));
    return pairs;
  }

  private static void pairBy(Function<String, String> key, Set<String> left, Set<String> right, List<Pair> pairs) {
    Map<String, List<String>> leftByKey = byKey(key, left);
    Map<String, List<String>> rightByKey = byKey(key, right);
    leftByKey.forEach(
        (k, names) -> {
          List<String> others = rightByKey.get(k);
          if (names.size() == 1 && others != null && others.size() == 1) {
            pairs.add(new Pair(names.get(0), others.get(0)));
            left.remove(names.get(0));
            right.remove(others.get(0));
          }
        });
  }

  private static Map<String, List<String>> byKey(Function<String, String> key, Set<String> names) {
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    names.forEach(name -> byKey.computeIfAbsent(key.apply(name), k -> new ArrayList<>()).add(name));
    return byKey;
  }

  /** {@code http:host:port/route m} → {@code http:host/route m}; other names as they are. */
  static String withoutPort(String site) {
    if (!site.startsWith("http:")) {
      return site;
    }
    int slash = authorityEnd(site);
    String authority = site.substring(5, slash);
    int colon = authority.lastIndexOf(':');
    boolean ipv6 = authority.endsWith("]");
    return colon < 0 || ipv6 ? site : "http:" + authority.substring(0, colon) + site.substring(slash);
  }

  /** {@code http:host:port/route m} → {@code http:/route m}: the site without where it ran. */
  static String identity(String site) {
    return site.startsWith("http:") ? "http:" + site.substring(authorityEnd(site)) : site;
  }

  /** The host (and port) of an HTTP site, or "" for another site. */
  static String host(String site) {
    return site.startsWith("http:") ? site.substring(5, authorityEnd(site)) : "";
  }

  private static int authorityEnd(String site) {
    int slash = site.indexOf('/', 5);
    int space = site.indexOf(' ', 5);
    int end = slash < 0 ? site.length() : slash;
    return space >= 0 && space < end ? space : end;
  }
}
