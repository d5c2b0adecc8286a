package com.example.portfolio.node;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The node simulator in a JVM of its own, so that its CPU never shows in the client's profile:
 * started from this jar with {@code --node}, stopped by closing its stdin (or when this JVM
 * exits), asked for its counters over HTTP.
 */
public final class NodeProcess implements AutoCloseable {

  private final Process process;
  private final String base;

  private NodeProcess(Process process, String base) {
    this.process = process;
    this.base = base;
  }

  /** Starts the node in a JVM of its own. */
  public static NodeProcess start(NodeOptions options) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    String classpath = System.getProperty("java.class.path");
    List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", classpath, "com.example.portfolio.SampleApp", "--node"));
    command.addAll(List.of(options.arguments()));
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String ready = out.readLine();
    if (ready == null || !ready.startsWith("node listening on ")) {
      process.destroy();
      throw new IOException("the node simulator did not start: " + ready);
    }
    return new NodeProcess(process, ready.substring("node listening on ".length()));
  }

  /** Runs the node in this JVM until stdin closes: the {@code --node} mode. */
  public static void serve(NodeOptions options) throws IOException {
    try (NodeSimulator node = new NodeSimulator(options)) {
      System.out.println("node listening on " + node.baseUrl());
      System.out.flush();
      while (System.in.read() >= 0) {
        // the parent holds our stdin; its end is our signal to stop
      }
    }
  }

  public String baseUrl() {
    return base;
  }

  /** The node's counters: calls received per method. */
  public Map<String, Long> received() throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(base + "/counters")).build(), HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readValue(response.body(), new TypeReference<java.util.TreeMap<String, Long>>() {});
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.getOutputStream().close();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
