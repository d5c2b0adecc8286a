package io.perfweave.instrumentation.runtime;

import io.perfweave.bridge.Dispatcher;
import io.perfweave.bridge.ThreadState;
import io.perfweave.instrumentation.http.HttpRuntime;

/** The runtime behind the bridge: routes each call to its site by the index woven into advice. */
final class SiteDispatcher implements Dispatcher {

  private final SiteRuntime[] sites;
  private final PolicySite[] policies;
  private final HttpRuntime http;

  /** @param http the built-in HTTP sites, or null when they are turned off */
  SiteDispatcher(SiteRuntime[] sites, PolicySite[] policies, HttpRuntime http) {
    this.sites = sites;
    this.policies = policies;
    this.http = http;
  }

  @Override
  public long enter(int site) {
    return System.nanoTime();
  }

  @Override
  public void exit(int site, long startNanos, Object returned, Throwable thrown, String target) {
    sites[site].end(startNanos, returned, thrown, target);
  }

  @Override
  public void exitLong(int site, long startNanos, long returned, Throwable thrown, String target) {
    sites[site].endLong(startNanos, returned, thrown, target);
  }

  @Override
  public Object enterPolicy(
      int site, Class<?> type, String method, Object receiver, Object[] arguments, ThreadState thread) {
    return policies[site].enter(type, method, receiver, arguments, thread);
  }

  @Override
  public boolean exitPolicy(
      int site, Object scope, Object returned, Throwable thrown, String target) {
    return policies[site].exit(scope, returned, thrown, target);
  }

  @Override
  public Object enterHttp(int client, Object receiver, Object[] arguments) {
    return http == null ? null : http.enter(client, receiver, arguments);
  }

  @Override
  public void exitHttp(int client, Object scope, Object returned, Throwable thrown) {
    if (http != null) {
      http.exit(client, scope, returned, thrown);
    }
  }

  @Override
  public Object enterUrlConnection(Object connection, Object poster) {
    return http == null ? null : http.enterUrlConnection(connection, poster);
  }

  @Override
  public void exitUrlConnection(Object scope, int status, Throwable thrown) {
    if (http != null) {
      http.exitUrlConnection(scope, status, thrown);
    }
  }
}
