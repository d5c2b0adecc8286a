package io.perfweave.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.tools.attach.VirtualMachine;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.perfweave.testing.ForkedJvm;
import io.perfweave.testing.Jdks;
import io.perfweave.testing.JsonRpcServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sites' meters where users already look: a Prometheus scrape, an OTLP push, JMX; each read
 * from a real instrumented JVM by the client a user would point at it, and each counting exactly
 * the calls the application made (3 rounds: 9 getBalance, 3 getBlockCount, 3 sendTransaction).
 */
final class MetricsExportIT {

  private static final Map<String, Long> CALLS_MADE =
      Map.of("getBalance", 9L, "getBlockCount", 3L, "sendTransaction", 3L);
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{(.*)} (\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  @TempDir Path work;

  static List<Path> jdks() {
    return Jdks.all();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void prometheusScrape_countsTheCallsMade_inHistogramsPrometheusCanAddUp(Path jdk) throws Exception {
    try (JsonRpcServer node = new JsonRpcServer(Map.of())) {
      Running app = start(jdk, node, "metrics:\n  prometheus: { port: 0 }\n");
      String url = app.stderrLine("perfweave: Prometheus metrics at ").replaceFirst(".* at ", "");
      assertTrue(url.startsWith("http://127.0.0.1:"), "bound to the loopback address by default: " + url);
      HttpResponse<String> scrape = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
      app.finish();

      assertEquals(200, scrape.statusCode());
      assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
      Map<String, Long> counts = new TreeMap<>();
      long infBuckets = 0;
      for (String line : scrape.body().split("\n")) {
        Matcher sample = SAMPLE.matcher(line);
        if (!sample.matches()) {
          continue;
        }
        Map<String, String> labels = labels(sample.group(2));
        if (sample.group(1).equals("perfweave_client_call_duration_seconds_count")) {
          assertEquals("127.0.0.1", labels.get("server_address"));
          assertEquals("http:127.0.0.1:" + node.port() + "/rpc", labels.get("perfweave_site"));
          assertEquals("success", labels.get("outcome"));
          counts.merge(labels.get("rpc_method"), (long) Double.parseDouble(sample.group(3)), Long::sum);
        }
        if (sample.group(1).equals("perfweave_client_call_duration_seconds_bucket")
            && "+Inf".equals(labels.get("le"))) {
          infBuckets += (long) Double.parseDouble(sample.group(3));
        }
      }
      assertEquals(CALLS_MADE, counts, scrape.body());
      assertEquals(15, infBuckets, "every call is in a bucket");
    }
  }

  @Test
  void otlpPush_receivedByALoopbackReceiver_countsTheCallsMade() throws Exception {
    List<ExportMetricsServiceRequest> pushes = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/v1/metrics", exchange -> {
      try (exchange; InputStream body = exchange.getRequestBody()) {
        pushes.add(ExportMetricsServiceRequest.parseFrom(body.readAllBytes()));
        exchange.sendResponseHeaders(200, -1);
      }
    });
    receiver.start();
    try (JsonRpcServer node = new JsonRpcServer(Map.of())) {
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/metrics";
      start(Jdks.current(), node, "metrics:\n  otlp: { url: \"" + url + "\", interval: 1s }\n").finish();
    } finally {
      receiver.stop(0);
    }

    assertFalse(pushes.isEmpty(), "the registry pushed at least at exit");
    Map<String, Long> counts = new TreeMap<>();
    ExportMetricsServiceRequest last = pushes.get(pushes.size() - 1);
    last.getResourceMetricsList().forEach(resource -> resource.getScopeMetricsList().forEach(scope -> {
      for (Metric metric : scope.getMetricsList()) {
        if (metric.getName().equals("perfweave.client.call.duration")) {
          assertEquals("seconds", metric.getUnit(), "Micrometer's OTLP registry names the unit in words");
          for (HistogramDataPoint point : metric.getHistogram().getDataPointsList()) {
            counts.merge(attribute(point.getAttributesList(), "rpc.method"), point.getCount(), Long::sum);
          }
        }
      }
    }));
    assertEquals(CALLS_MADE, counts, "cumulative counts in the last push: " + last);
  }

  @Test
  void jmx_mbeansCountTheCallsMade() throws Exception {
    try (JsonRpcServer node = new JsonRpcServer(Map.of())) {
      Running app = start(Jdks.current(), node, "metrics:\n  jmx: { enabled: true }\n");
      long total = 0;
      StringBuilder names = new StringBuilder();
      VirtualMachine vm = VirtualMachine.attach(Long.toString(app.process.pid()));
      try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
        MBeanServerConnection server = jmx.getMBeanServerConnection();
        for (ObjectName name : server.queryNames(new ObjectName("perfweave:*"), null)) {
          names.append(name).append('\n');
          // a name with ':' or '/' in it (the site's) is quoted
          String meter = name.getKeyProperty("name").replace("\"", "");
          if (meter.startsWith("perfweaveClientCallDuration.")) {
            total += (Long) server.getAttribute(name, "Count");
          }
        }
      } finally {
        vm.detach();
        app.finish();
      }
      assertEquals(15, total, "one timer count per call: " + names);
    }
  }

  private Running start(Path jdk, JsonRpcServer node, String metrics) throws Exception {
    Path config = Files.writeString(work.resolve("perfweave.yaml"),
        "output: out\nprofiling:\n  jfr: { enabled: false }\n  asyncProfiler: { enabled: false }\n" + metrics);
    Process process = new ForkedJvm(jdk).withAgent("config=" + config)
        .option("-Drpcclient.wait=true")
        .main("com.example.http.RpcClientApp").args("jdk", node.port(), "mixed", 3)
        .start(work);
    return new Running(process);
  }

  private static Map<String, String> labels(String text) {
    Map<String, String> labels = new TreeMap<>();
    Matcher label = LABEL.matcher(text);
    while (label.find()) {
      labels.put(label.group(1), label.group(2));
    }
    return labels;
  }

  private static String attribute(List<KeyValue> attributes, String key) {
    return attributes.stream().filter(a -> a.getKey().equals(key))
        .map(a -> a.getValue().getStringValue()).findFirst().orElse("");
  }

  /** A forked application that has made its calls and waits for a line on stdin to exit. */
  private static final class Running {
    final Process process;
    final StringBuffer stderr = new StringBuffer();
    final CompletableFuture<Void> stderrRead;

    Running(Process process) throws Exception {
      this.process = process;
      this.stderrRead = CompletableFuture.runAsync(() -> new BufferedReader(
          new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)).lines()
              .forEach(line -> stderr.append(line).append('\n')));
      BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = stdout.readLine()) != null && !line.equals("waiting")) {
        assertTrue(line.startsWith("sent ") && line.endsWith("failed {} wrongAnswers=0"), line);
      }
    }

    /** The first stderr line starting with {@code prefix}; perfweave prints it before main runs. */
    String stderrLine(String prefix) throws Exception {
      for (int i = 0; i < 200; i++) {
        var found = stderr.toString().lines().filter(l -> l.startsWith(prefix)).findFirst();
        if (found.isPresent()) {
          return found.get();
        }
        Thread.sleep(25);
      }
      throw new AssertionError("no line '" + prefix + "' in " + stderr);
    }

    void finish() throws Exception {
      try (OutputStream in = process.getOutputStream()) {
        in.write("done\n".getBytes(StandardCharsets.UTF_8));
      }
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));
      stderrRead.get(10, TimeUnit.SECONDS);
      String errors = stderr.toString();
      assertEquals(0, process.exitValue(), errors);
      assertFalse(errors.contains("perfweave: warning"), errors);
      assertFalse(errors.contains("SLF4J"), "no logging library speaks from the agent jar: " + errors);
      assertTrue(errors.contains("0 transform errors, 0 advice errors"), errors);
    }
  }
}
