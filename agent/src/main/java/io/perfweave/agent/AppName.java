package io.perfweave.agent;

/** The application's short name for recording file names: the jar's or the main class's. */
final class AppName {

  private AppName() {}

  static String current() {
    String command = System.getProperty("sun.java.command", "").trim();
    String first = command.isEmpty() ? "app" : command.split("\\s+")[0];
    String name = first.endsWith(".jar")
        ? first.substring(first.lastIndexOf('/') + 1, first.length() - 4)
        : first.substring(first.lastIndexOf('.') + 1);
    String safe = name.replaceAll("[^A-Za-z0-9_.-]", "_");
    return safe.isEmpty() ? "app" : safe;
  }
}
