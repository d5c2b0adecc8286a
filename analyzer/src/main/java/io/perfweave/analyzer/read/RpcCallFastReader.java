package io.perfweave.analyzer.read;

import io.perfweave.analyzer.model.Model;
import java.io.IOException;
import one.jfr.JfrReader;

/**
 * Reads one chunk's {@code perfweave.RpcCall} events positionally: the chunk read into memory
 * once, its events walked by size and type id, and each call's fields decoded in the order the
 * chunk's metadata lists them, instead of the JDK consumer API's look-up of every field by name,
 * which was the analyzer's main cost. async-profiler's {@code JfrReader} reads the chunk's
 * constant pools (stacks, threads, strings) from the same bytes; its event loop is not used, as
 * it makes two objects and a reflective call per event. Yields the same calls as {@link
 * EventReader}'s consumer path (tested field by field on the same files); where the layout is
 * not as expected, it says so and the consumer path reads the chunk.
 */
final class RpcCallFastReader {

  /**
   * {@code -Dperfweave.analyzer.reader=consumer} reads every event with the JDK's consumer API;
   * {@code =positional} never falls back to it for calls (a chunk this cannot read is an error),
   * for the tests that compare the two.
   */
  private static final String READER = System.getProperty("perfweave.analyzer.reader", "");
  static final boolean ENABLED = !READER.equals("consumer");

  private RpcCallFastReader() {}

  /**
   * Adds the chunk's calls to {@code calls}, and its samples to {@code samples} where that is not
   * null; false, having read no call, where this reader cannot (more than one chunk, or a field
   * type it does not know): the samples are read all the same.
   */
  static boolean read(Chunks.Chunk chunk, CallQueue calls, Model model, SampleReader samples) throws IOException {
    if (!chunk.single()) {
      return false;
    }
    ChunkBytes bytes = chunk.bytes();
    try (JfrReader pools = new JfrReader(bytes.view())) {
      if (samples != null) {
        // the reader's own event loop, from the first event: the constant pools are read once for both
        samples.add(pools);
      }
      RpcCallDecoder decoder = RpcCallDecoder.of(pools, bytes, chunk);
      if (decoder == null && READER.equals("positional")) {
        throw new IllegalStateException("the positional reader cannot read the perfweave.RpcCall events of " + chunk);
      }
      if (decoder == null) {
        return false;
      }
      if (decoder.isEmpty()) {
        return true;
      }
      readCalls(bytes, decoder, calls);
      decoder.seen(model);
    }
    if (bytes.truncated()) {
      throw new IOException("the chunk ends inside an event");
    }
    return true;
  }

  /** Each event: its size (counting itself), its type id, its fields. */
  private static void readCalls(ChunkBytes bytes, RpcCallDecoder decoder, CallQueue calls) throws IOException {
    int end = bytes.eventsEnd();
    for (int position = ChunkBytes.HEADER_SIZE; position < end; ) {
      bytes.position(position);
      int size = bytes.getVarint();
      if (size <= 0 || size > end - position) {
        throw new IOException("the chunk ends inside an event");
      }
      int layout = decoder.layoutOf(bytes.getVarlong());
      if (layout >= 0) {
        decoder.decode(layout, calls);
      }
      position += size;
    }
  }
}
