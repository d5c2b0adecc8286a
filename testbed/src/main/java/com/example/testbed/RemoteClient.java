package com.example.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** A plain HTTP client: a non-200 answer is an IOException, as naive clients do it. */
public class RemoteClient {

  private final String base;

  public RemoteClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public String fetch(String path) throws IOException {
    return request("GET", path);
  }

  public String send(String path) throws IOException {
    return request("POST", path);
  }

  private String request(String method, String path) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(base + path).openConnection();
    connection.setRequestMethod(method);
    int status = connection.getResponseCode();
    if (status != 200) {
      connection.getErrorStream();
      throw new IOException(method + " " + path + " answered HTTP " + status);
    }
    try (InputStream in = connection.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
