package io.perfweave.instrumentation.http;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a request path into the route a site is named by, naming neither a resource nor a
 * secret: segments matching a {@code http.redact} pattern become {@code {redacted}}; segments that
 * look like an API key or token — node providers put the key in the path ({@code /v3/<key>},
 * {@code /v2/<key>}) — become {@code {key}}; identifiers (numbers, long hex, UUIDs) become
 * {@code {id}}, so that a REST API makes one site per route, not one per resource.
 */
final class Routes {

  private static final Pattern IDENTIFIER =
      Pattern.compile("\\d+|[0-9a-fA-F]{16,}|0x[0-9a-fA-F]+|[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}");
  private static final Pattern VERSION = Pattern.compile("v\\d+");
  private static final Pattern TOKEN_CHARACTERS = Pattern.compile("[A-Za-z0-9_\\-.~+=]+");
  private static final int TOKEN_LENGTH = 20;

  private final List<Pattern> redacted;

  /** @param redacted patterns whose whole-segment matches are never shown */
  Routes(List<Pattern> redacted) {
    this.redacted = List.copyOf(redacted);
  }

  String route(String path) {
    if (path.isEmpty() || path.equals("/")) {
      return "/";
    }
    StringBuilder route = new StringBuilder();
    String previous = "";
    for (String segment : path.split("/", -1)) {
      if (!segment.isEmpty()) {
        route.append('/').append(shown(segment, previous));
        previous = segment;
      }
    }
    return path.endsWith("/") ? route.append('/').toString() : route.toString();
  }

  private String shown(String segment, String previous) {
    for (Pattern pattern : redacted) {
      if (pattern.matcher(segment).matches()) {
        return "{redacted}";
      }
    }
    boolean afterVersion = VERSION.matcher(previous).matches();
    if (afterVersion && looksLikeKey(segment, true)) {
      return "{key}";
    }
    if (IDENTIFIER.matcher(segment).matches()) {
      return "{id}";
    }
    return looksLikeKey(segment, false) ? "{key}" : segment;
  }

  /**
   * A key or token: after a version segment, any segment that mixes letters and digits; anywhere,
   * a long one of token characters that does.
   */
  static boolean looksLikeKey(String segment, boolean afterVersion) {
    if (!TOKEN_CHARACTERS.matcher(segment).matches() || !mixesLettersAndDigits(segment)) {
      return false;
    }
    return afterVersion || segment.length() >= TOKEN_LENGTH;
  }

  private static boolean mixesLettersAndDigits(String segment) {
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      letter |= Character.isLetter(c);
      digit |= Character.isDigit(c);
    }
    return letter && digit;
  }
}
