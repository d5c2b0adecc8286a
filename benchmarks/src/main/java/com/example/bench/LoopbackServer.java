package com.example.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 server on 127.0.0.1 written on plain sockets, so that no agent instruments it:
 * keep-alive, reads a request with a Content-Length body, answers one fixed JSON-RPC result.
 * Only what the benchmarks' clients send is understood.
 */
public final class LoopbackServer implements AutoCloseable {

  private static final byte[] BODY =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1bc16d674ec80000\"}".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RESPONSE =
      ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + BODY.length + "\r\n\r\n"
              + new String(BODY, StandardCharsets.US_ASCII))
          .getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket server;

  public LoopbackServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "loopback-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/rpc";
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        Thread connection = new Thread(() -> serve(socket), "loopback-connection");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static void serve(Socket socket) {
    try (socket; InputStream in = new BufferedInputStream(socket.getInputStream()); OutputStream out = socket.getOutputStream()) {
      while (true) {
        int length = readHeaders(in);
        if (length < 0) {
          return;
        }
        in.readNBytes(length);
        out.write(RESPONSE);
        out.flush();
      }
    } catch (IOException gone) {
      // the client closed the connection
    }
  }

  /** Reads a request's head; returns its Content-Length, or -1 at the end of the stream. */
  private static int readHeaders(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int length = 0;
    boolean any = false;
    for (int b = in.read(); b >= 0; b = in.read()) {
      any = true;
      if (b == '\n') {
        String header = line.toString().trim();
        if (header.isEmpty()) {
          return length;
        }
        if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
          length = Integer.parseInt(header.substring(15).trim());
        }
        line.setLength(0);
      } else {
        line.append((char) b);
      }
    }
    return any ? length : -1;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
