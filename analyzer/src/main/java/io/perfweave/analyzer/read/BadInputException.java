package io.perfweave.analyzer.read;

/** Input the analyzer cannot use at all: the message is the one line the user sees. */
public final class BadInputException extends Exception {

  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }
}
