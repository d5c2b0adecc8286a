package io.perfweave.instrumentation.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the shared cache holds of a JSON-RPC answer: its Content-Type, the JSON-RPC ids of the
 * call that fetched it (re-answered with each caller's own, as the first level does) and the
 * body. No other header is stored: a response's cookies and the like never leave the JVM.
 */
final class SharedHttpAnswers {

  /** Bumped when what is stored changes: entries of another format are never read. */
  static final int FORMAT = 1;

  private SharedHttpAnswers() {}

  /** A stored answer, read back. */
  record Shared(String contentType, List<JsonNode> ids, byte[] body) {}

  static byte[] write(String contentType, List<JsonNode> ids, byte[] body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(contentType == null ? "" : contentType);
      byte[] idBytes = JsonRpcCall.json().writeValueAsBytes(ids);
      out.writeInt(idBytes.length);
      out.write(idBytes);
      out.writeInt(body.length);
      out.write(body);
    }
    return bytes.toByteArray();
  }

  static Shared read(byte[] stored) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
      String contentType = in.readUTF();
      JsonNode idArray = JsonRpcCall.json().readTree(in.readNBytes(in.readInt()));
      List<JsonNode> ids = new ArrayList<>();
      idArray.forEach(ids::add);
      int length = in.readInt();
      byte[] body = in.readNBytes(length);
      if (body.length != length) {
        throw new IOException("a shared answer cut short: " + body.length + " of " + length + " bytes");
      }
      return new Shared(contentType.isEmpty() ? null : contentType, ids, body);
    }
  }
}
