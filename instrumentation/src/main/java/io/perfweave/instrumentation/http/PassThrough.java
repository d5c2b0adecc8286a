package io.perfweave.instrumentation.http;

/**
 * Marks a call that perfweave itself makes through the woven entry point (an attempt of a call it
 * handles), so that the advice lets it run untouched instead of handling it a second time.
 */
final class PassThrough {

  /** A call that may throw anything the application's call could. */
  interface Send<T> {
    T call() throws Throwable;
  }

  private static final ThreadLocal<Boolean> MARK = new ThreadLocal<>();

  private PassThrough() {}

  static <T> T run(Send<T> call) throws Throwable {
    MARK.set(Boolean.TRUE);
    try {
      return call.call();
    } finally {
      MARK.remove();
    }
  }

  /** Whether the current call is perfweave's own; the mark is used up by the first entry point. */
  static boolean take() {
    if (MARK.get() == null) {
      return false;
    }
    MARK.remove();
    return true;
  }
}
