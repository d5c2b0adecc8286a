package io.perfweave.instrumentation.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the cache and a call's waiters keep of an HTTP response: the library's own response object
 * to copy status and headers from, the body (null where it was streamed to the caller), and the
 * JSON-RPC ids of the call that fetched it.
 */
record HttpAnswer(Object prototype, byte[] body, List<JsonNode> ids) {}
