package com.example.portfolio.rpc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The JDK's HttpClient, with a request timeout, the way most clients set it up. */
public final class JdkTransport implements Transport {

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

  @Override
  public String post(String url, String json) throws IOException, InterruptedException {
    return send(builder(url).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)), url);
  }

  @Override
  public String get(String url) throws IOException, InterruptedException {
    return send(builder(url).GET(), url);
  }

  private static HttpRequest.Builder builder(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis(300));
  }

  private String send(HttpRequest.Builder request, String url) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return Transport.ok(response.statusCode(), response.body(), url);
  }
}
