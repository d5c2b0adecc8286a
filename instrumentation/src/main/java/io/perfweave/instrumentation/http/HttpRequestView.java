package io.perfweave.instrumentation.http;

/**
 * What perfweave needs to know of one outgoing HTTP request, whatever the client library.
 *
 * @param method GET, POST, ...
 * @param host the host name
 * @param port the port, or -1 for the scheme's default
 * @param path the path without the query
 * @param body the request body where it could be read without disturbing the request, else null
 */
record HttpRequestView(String method, String host, int port, String path, byte[] body) {

  /** The authority as written in site names: the port only where one was given. */
  String authority() {
    return port < 0 ? host : host + ":" + port;
  }

  /** The {@code target} of the call's events: the route, never the raw path (it may hold keys). */
  String target(String route) {
    return "HTTP " + method + " " + authority() + route;
  }
}
