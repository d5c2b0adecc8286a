package io.perfweave.instrumentation.weaving;

import java.util.regex.Pattern;

/**
 * Name globs: {@code *} and {@code ?} stay within one dotted segment, {@code **} crosses them,
 * {@code {a,b}} is either alternative.
 */
public final class Globs {

  private Globs() {}

  /** Whether {@code pattern} has a wildcard at all. */
  public static boolean isGlob(String pattern) {
    return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('{') >= 0;
  }

  /** Whether {@code pattern} has nothing but wildcards and dots, so it would match everything. */
  public static boolean matchesEverything(String pattern) {
    return pattern.replace("*", "").replace("?", "").replace(".", "").isEmpty();
  }

  /** The text before the first wildcard. */
  public static String literalPrefix(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      if ("*?{".indexOf(pattern.charAt(i)) >= 0) {
        return pattern.substring(0, i);
      }
    }
    return pattern;
  }

  /** The regular expression a glob stands for. */
  public static Pattern toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^.]*");
      } else if (c == '?') {
        regex.append("[^.]");
      } else if (c == '{') {
        regex.append("(?:");
      } else if (c == '}') {
        regex.append(')');
      } else if (c == ',') {
        regex.append('|');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
