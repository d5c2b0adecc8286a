package io.perfweave.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code redis-server} (the Debian package) on 127.0.0.1 and a free port, without
 * persistence, for the shared-cache tests: started, stopped, restarted on the same port, and sent
 * raw commands ({@code DEBUG SLEEP}, {@code CONFIG SET}). Stops with the test JVM at the latest.
 */
public final class RedisServer implements AutoCloseable {

  private final int port;
  private final Path dir;
  private final List<String> options;
  private Process process;

  private RedisServer(Path dir, List<String> options) throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      this.port = probe.getLocalPort();
    }
    this.dir = dir;
    this.options = List.copyOf(options);
  }

  /** Starts a server in {@code dir} with extra {@code redis-server} options (as --requirepass X). */
  public static RedisServer start(Path dir, String... options) throws Exception {
    RedisServer server = new RedisServer(dir, List.of(options));
    server.startProcess();
    return server;
  }

  public int port() {
    return port;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Stops the server (SIGKILL: a crash, not a goodbye), keeping its port for {@link #restart}. */
  public void stop() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  public void restart() throws Exception {
    startProcess();
  }

  /** Sends one command and returns the first line of its answer. */
  public String command(String... words) throws IOException {
    try (Socket socket = send(words)) {
      return readLine(socket.getInputStream());
    }
  }

  /**
   * How many times the server ran a command since it (re)started, from {@code INFO commandstats}:
   * the server's own count, which its keys' expiry does not erase.
   */
  public long calls(String command) throws IOException {
    try (Socket socket = send(new String[] {"INFO", "commandstats"})) {
      InputStream in = socket.getInputStream();
      int length = Integer.parseInt(readLine(in).substring(1));
      String stats = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      Matcher calls = Pattern.compile("(?m)^cmdstat_" + command.toLowerCase(Locale.ROOT) + ":calls=(\\d+)").matcher(stats);
      return calls.find() ? Long.parseLong(calls.group(1)) : 0;
    }
  }

  private Socket send(String[] words) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    try {
      socket.setSoTimeout(30_000);
      StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
      for (String word : words) {
        request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** Sends a command without waiting for its answer ({@code DEBUG SLEEP} blocks the server). */
  public Thread commandInBackground(String... words) {
    Thread thread = new Thread(() -> {
      try {
        command(words);
      } catch (IOException ignored) {
        // the server may go away meanwhile
      }
    }, "redis-command");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      stop();
    }
  }

  private void startProcess() throws Exception {
    List<String> command = new ArrayList<>(List.of(
        "redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "",
        "--appendonly", "no", "--dir", dir.toString(), "--enable-debug-command", "local"));
    command.addAll(options);
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("redis-" + port + ".log").toFile()).start();
    Process started = process;
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try {
        String answer = command("PING");
        if (answer.startsWith("+PONG") || answer.startsWith("-NOAUTH")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new IllegalStateException("redis-server did not start on port " + port);
      }
      Thread.sleep(20);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
