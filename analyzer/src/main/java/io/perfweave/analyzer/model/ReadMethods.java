package io.perfweave.analyzer.model;

import io.perfweave.contract.JsonRpcDialects;
import java.util.regex.Pattern;

/**
 * JSON-RPC methods that only read: those the contract's dialect catalogue knows as reads (a known
 * write never is, whatever its name), and, for a method it does not know, those whose names say
 * they only read: the getters and queries of the node APIs the
 * seed systems use (Ethereum's {@code eth_get*}/{@code eth_call}, Neo's {@code get*} and
 * {@code invokefunction}, NEAR's {@code query}, Solana-style {@code getAccountInfo}). A name that
 * also says it sends, submits or writes is never a read.
 */
final class ReadMethods {

  private static final Pattern READ =
      Pattern.compile(
          "(?i)([a-z]+_)?(get|query|call|invoke(function|script)?|find|list|fetch|read|estimate|view)[A-Za-z0-9_]*");
  private static final Pattern WRITE =
      Pattern.compile("(?i).*(send|submit|broadcast|sign|write|set|create|delete|update|put|post|transfer|commit).*");

  private ReadMethods() {}

  static boolean looksLikeRead(String method) {
    if (JsonRpcDialects.of(method).isPresent()) {
      return JsonRpcDialects.isKnownRead(method);
    }
    return !method.isEmpty() && READ.matcher(method).matches() && !WRITE.matcher(method).matches();
  }
}
