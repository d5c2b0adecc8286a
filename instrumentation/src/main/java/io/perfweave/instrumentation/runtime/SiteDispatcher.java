package io.perfweave.instrumentation.runtime;

import io.perfweave.instrumentation.bridge.Dispatcher;
import io.perfweave.instrumentation.events.RpcCall;

/** The runtime behind the bridge: routes each call to its site by the index woven into advice. */
final class SiteDispatcher implements Dispatcher {

  private final SiteRuntime[] sites;

  SiteDispatcher(SiteRuntime[] sites) {
    this.sites = sites;
  }

  @Override
  public Object enter(int site) {
    return sites[site].begin();
  }

  @Override
  public void exit(int site, Object scope, Throwable thrown, String target) {
    sites[site].end((RpcCall) scope, thrown, target);
  }
}
