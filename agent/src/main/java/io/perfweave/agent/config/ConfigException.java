package io.perfweave.agent.config;

/** A config problem, as the one line the user sees: key, problem, value, and where it was set. */
public final class ConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  ConfigException(String message) {
    super(message);
  }
}
