package com.example.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The small application the start-up benchmark launches: one JSON-RPC call with the JDK's
 * HttpClient to a server on 127.0.0.1, then exit.
 */
public final class StartupApp {

  private StartupApp() {}

  public static void main(String[] args) throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(server.url()))
              .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}"))
              .build();
      System.out.println(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }
  }
}
