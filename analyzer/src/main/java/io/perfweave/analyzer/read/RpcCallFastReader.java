package io.perfweave.analyzer.read;

import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.RpcCallRecord;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.List;
import one.jfr.Dictionary;
import one.jfr.JfrReader;
import one.jfr.event.Event;

/**
 * Reads one chunk's {@code perfweave.RpcCall} events positionally with async-profiler's
 * {@code JfrReader}, as it reads samples: each field decoded in the order the chunk's metadata
 * lists it, instead of the JDK consumer API's look-up of every field by name, which was the
 * analyzer's main cost. Stacks and threads are the reader's constant pools, resolved once per
 * chunk. Yields the same calls as {@link EventReader}'s consumer path (tested field by field on
 * the same files); where the layout or the reader is not as expected, it says so and the
 * consumer path reads the chunk.
 */
final class RpcCallFastReader {

  /**
   * {@code -Dperfweave.analyzer.reader=consumer} reads every event with the JDK's consumer API;
   * {@code =positional} never falls back to it for calls (a chunk this cannot read is an error),
   * for the tests that compare the two.
   */
  private static final String READER = System.getProperty("perfweave.analyzer.reader", "");
  static final boolean ENABLED = !READER.equals("consumer");

  private static final ThreadLocal<RpcCallDecoder> CURRENT = new ThreadLocal<>();

  private RpcCallFastReader() {}

  /**
   * Adds the chunk's calls to {@code calls}; false, having read nothing, where this reader
   * cannot (more than one chunk, a field type it does not know, or a {@code JfrReader} without
   * what it relies on).
   */
  static boolean read(Path chunk, CallQueue calls, Model model) throws IOException {
    // JfrReader would register the event types of the first chunk only
    if (!Chunks.single(chunk)) {
      return false;
    }
    try (JfrReader reader = new JfrReader(chunk.toString())) {
      RpcCallDecoder decoder = RpcCallDecoder.of(reader, chunk);
      if (decoder == null && READER.equals("positional")) {
        throw new IllegalStateException("the positional reader cannot read the perfweave.RpcCall events of " + chunk);
      }
      if (decoder == null) {
        return false;
      }
      if (decoder.isEmpty()) {
        return true;
      }
      CURRENT.set(decoder);
      try {
        for (Event event; (event = reader.readEvent()) != null; ) {
          if (event instanceof Call) {
            calls.add(((Call) event).call);
          }
        }
      } finally {
        CURRENT.remove();
      }
      decoder.seen(model);
      if (reader.incomplete()) {
        throw new IOException("the chunk ends inside an event");
      }
      return true;
    }
  }

  /** How many {@code perfweave.RpcCall} types of one chunk this reads: with and without stack traces. */
  static final int LAYOUTS = 2;

  /**
   * Registers the event classes for the chunk's {@code perfweave.RpcCall} type ids, the i-th id
   * decoded with the i-th layout. {@code JfrReader.registerEvent} takes a name, and two types
   * share this one, so its table of constructors by type id is filled directly; false where that
   * table is not there (another version of the converter).
   */
  static boolean register(JfrReader reader, List<Long> typeIds) {
    try {
      java.lang.reflect.Field field = JfrReader.class.getDeclaredField("customEvents");
      field.setAccessible(true);
      @SuppressWarnings("unchecked")
      Dictionary<Constructor<? extends Event>> custom = (Dictionary<Constructor<? extends Event>>) field.get(reader);
      List<Class<? extends Event>> classes = List.of(Call.class, OtherCall.class);
      for (int i = 0; i < typeIds.size(); i++) {
        custom.put(typeIds.get(i), classes.get(i).getConstructor(JfrReader.class));
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException unexpected) {
      return false;
    }
  }

  /** A call of the chunk's first {@code perfweave.RpcCall} type, built by {@code JfrReader}. */
  public static class Call extends Event {

    final RpcCallRecord call;

    public Call(JfrReader reader) {
      this(0);
    }

    Call(int layout) {
      super(0, 0, 0);
      this.call = CURRENT.get().decode(layout);
    }
  }

  /** A call of the chunk's second {@code perfweave.RpcCall} type. */
  public static final class OtherCall extends Call {

    public OtherCall(JfrReader reader) {
      super(1);
    }
  }
}
