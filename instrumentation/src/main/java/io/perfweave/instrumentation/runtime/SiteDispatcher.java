package io.perfweave.instrumentation.runtime;

import io.perfweave.instrumentation.bridge.Dispatcher;
import io.perfweave.instrumentation.events.RpcCall;

/** The runtime behind the bridge: routes each call to its site by the index woven into advice. */
final class SiteDispatcher implements Dispatcher {

  private final SiteRuntime[] sites;
  private final PolicySite[] policies;

  SiteDispatcher(SiteRuntime[] sites, PolicySite[] policies) {
    this.sites = sites;
    this.policies = policies;
  }

  @Override
  public Object enter(int site) {
    return sites[site].begin();
  }

  @Override
  public void exit(int site, Object scope, Throwable thrown, String target) {
    sites[site].end((RpcCall) scope, thrown, target);
  }

  @Override
  public Object enterPolicy(int site, Object receiver, Object[] arguments) {
    return policies[site].enter(receiver, arguments);
  }

  @Override
  public boolean exitPolicy(
      int site, Object scope, Object returned, Throwable thrown, String target) {
    return policies[site].exit(scope, returned, thrown, target);
  }
}
