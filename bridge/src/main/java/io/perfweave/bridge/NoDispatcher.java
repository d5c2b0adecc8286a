package io.perfweave.bridge;

/** The dispatcher before the runtime is installed, or after the agent gave up: does nothing. */
final class NoDispatcher implements Dispatcher {

  static final NoDispatcher INSTANCE = new NoDispatcher();

  private NoDispatcher() {}

  @Override
  public long enter(int site) {
    return Bridge.NOT_TIMED;
  }

  @Override
  public void exit(int site, long startNanos, Object returned, Throwable thrown, String target) {}

  @Override
  public void exitLong(int site, long startNanos, long returned, Throwable thrown, String target) {}

  @Override
  public Object enterPolicy(
      int site, Class<?> type, String method, Object receiver, Object[] arguments, ThreadState thread) {
    return null;
  }

  @Override
  public boolean exitPolicy(
      int site, Object scope, Object returned, Throwable thrown, String target) {
    return false;
  }

  @Override
  public Object enterHttp(int client, Object receiver, Object[] arguments) {
    return null;
  }

  @Override
  public void exitHttp(int client, Object scope, Object returned, Throwable thrown) {}

  @Override
  public Object enterUrlConnection(Object connection, Object poster) {
    return null;
  }

  @Override
  public void exitUrlConnection(Object scope, int status, Throwable thrown) {}
}
