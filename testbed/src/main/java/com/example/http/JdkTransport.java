package com.example.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The JDK client, blocking or through sendAsync. */
final class JdkTransport implements Transport {

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI uri;
  private final boolean async;

  JdkTransport(String url, boolean async) {
    this.uri = URI.create(url);
    this.async = async;
  }

  @Override
  public String post(String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<String> response =
        async
            ? client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get()
            : client.send(request, HttpResponse.BodyHandlers.ofString());
    return Transport.checked(response.statusCode(), response.body());
  }
}
