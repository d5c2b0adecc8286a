package io.perfweave.analyzer.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Callers of built-in HTTP sites are paths of application frames, innermost first: the first
 * frames are often the application's own HTTP or JSON-RPC plumbing ({@code Transport.post},
 * {@code JsonRpc.call}), which every call goes through. The frame that says where a call was
 * made is the first one that is not plumbing: not found under two or more sites.
 */
public final class CallerPaths {

  public static final String SEPARATOR = " < ";
  public static final int DEPTH = 6;

  private CallerPaths() {}

  /**
   * A call's caller as its event's stack shows it, built frame by frame from the innermost: the
   * first application frame under the call (the target method's own frames skipped, and a method
   * reference's hidden class, which is not where the call was written), or for a built-in HTTP site
   * the first {@link #DEPTH} of them. Each reader of stacks feeds it its own frames.
   */
  public static final class Builder {

    private final String targetMethod;
    private final StringBuilder path = new StringBuilder();
    private int wanted;

    /** @param target the call's target as its event names it ({@code Type#method}, {@code HTTP …}) */
    public Builder(String target) {
      this.targetMethod = target.replace('#', '.');
      this.wanted = target.startsWith("HTTP ") ? DEPTH : 1;
    }

    /** Takes the next frame outwards; false once the path is complete. */
    public boolean add(String type, String method, int line) {
      if (Frames.isApplication(type) && !method.equals(targetMethod) && !type.contains("$$Lambda")) {
        path.append(path.length() == 0 ? "" : SEPARATOR).append(method).append(':').append(line);
        wanted--;
      }
      return wanted > 0;
    }

    public String path() {
      return path.toString();
    }
  }

  /** Frames that appear in the callers of two or more sites. */
  public static Set<String> plumbing(Model model) {
    Map<String, String> firstSite = new HashMap<>();
    Set<String> shared = new HashSet<>();
    for (SiteModel site : model.sites().values()) {
      for (String path : site.callers().top(Integer.MAX_VALUE).keySet()) {
        for (String frame : path.split(SEPARATOR)) {
          String owner = firstSite.putIfAbsent(frame, site.name());
          if (owner != null && !owner.equals(site.name())) {
            shared.add(frame);
          }
        }
      }
    }
    return shared;
  }

  /** The first frame of {@code path} that is not plumbing, with the frame that called it. */
  public static String meaningful(String path, Set<String> plumbing) {
    String[] frames = path.split(SEPARATOR);
    for (int i = 0; i < frames.length; i++) {
      if (!plumbing.contains(frames[i])) {
        return i + 1 < frames.length ? frames[i] + SEPARATOR + frames[i + 1] : frames[i];
      }
    }
    return frames[frames.length - 1];
  }
}
