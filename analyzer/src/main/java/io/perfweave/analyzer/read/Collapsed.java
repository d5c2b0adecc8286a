package io.perfweave.analyzer.read;

/** A stack in collapsed form: root first, frames separated by ';' (the flame graph input). */
final class Collapsed {

  private Collapsed() {}

  /** @param frames top (leaf) first */
  static String of(String[] frames) {
    StringBuilder collapsed = new StringBuilder();
    for (int i = frames.length - 1; i >= 0; i--) {
      if (collapsed.length() > 0) {
        collapsed.append(';');
      }
      collapsed.append(frames[i].replace(';', ':'));
    }
    return collapsed.toString();
  }
}
