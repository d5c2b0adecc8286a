package io.perfweave.analyzer.read;

import io.perfweave.analyzer.model.CallerPaths;
import io.perfweave.analyzer.model.Frames;
import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.contract.Events;
import io.perfweave.contract.RpcCallField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.EventType;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordingFile;
import one.jfr.ClassRef;
import one.jfr.Dictionary;
import one.jfr.JfrReader;
import one.jfr.MethodRef;
import one.jfr.StackTrace;

/**
 * Decodes {@code perfweave.RpcCall} events of one chunk from its bytes, positioned at an event's
 * fields: the fields in the order the chunk's metadata has them (so older recordings, without
 * the fields added since, read too), each kept or skipped by its name. A chunk has up to two
 * such types, with and without the stack trace field. Stacks, threads and pooled strings are
 * async-profiler's {@code JfrReader}'s constant pools of the chunk. Times are converted as the
 * JDK's consumer API converts them, so both readers give the same nanoseconds.
 */
final class RpcCallDecoder {

  /** How a field is encoded, from its type in the metadata. */
  private enum Encoding { VARINT, BYTE, FLOAT, DOUBLE, STRING }

  /** One field of one event type: how to read it, and which of the call's values it is (or -1). */
  private record Slot(Encoding encoding, int value) {}

  private static final List<String> VALUES = List.of(
      "startTime", "duration", "eventThread", "stackTrace", RpcCallField.SITE, RpcCallField.TARGET,
      RpcCallField.RPC_METHOD, RpcCallField.OUTCOME, RpcCallField.IDEMPOTENT, RpcCallField.ATTEMPTS,
      RpcCallField.ERROR, RpcCallField.KEY_HASH, RpcCallField.RESULT_HASH, RpcCallField.MOVING_BLOCK,
      RpcCallField.CACHE_AGE, RpcCallField.TRACE_ID, RpcCallField.SPAN_ID);
  private static final int START = 0;
  private static final int DURATION = 1;
  private static final int THREAD = 2;
  private static final int STACK = 3;
  private static final int SITE = 4;
  private static final int TARGET = 5;
  private static final int RPC_METHOD = 6;
  private static final int OUTCOME = 7;
  private static final int IDEMPOTENT = 8;
  private static final int ATTEMPTS = 9;
  private static final int ERROR = 10;
  private static final int KEY_HASH = 11;
  private static final int RESULT_HASH = 12;
  private static final int MOVING_BLOCK = 13;
  private static final int CACHE_AGE = 14;
  private static final int TRACE_ID = 15;
  private static final int SPAN_ID = 16;

  private final JfrReader reader;
  private final ChunkBytes bytes;
  private final long[] typeIds;
  private final Slot[][] layouts;
  private final double ticksPerNano;
  private final EventStrings eventStrings;
  private final Dictionary<String> callerByStack = new Dictionary<>();
  private final Map<Long, String> methodNames = new HashMap<>();
  private final long[] longs = new long[VALUES.size()];
  private final String[] strings = new String[VALUES.size()];
  private String lastSite;
  private String lastRpcMethod;
  private String lastModelName;
  private long firstStart = Long.MAX_VALUE;
  private long lastEnd = Long.MIN_VALUE;

  private RpcCallDecoder(JfrReader reader, ChunkBytes bytes, long[] typeIds, Slot[][] layouts) {
    this.reader = reader;
    this.bytes = bytes;
    this.typeIds = typeIds;
    this.layouts = layouts;
    this.ticksPerNano = reader.ticksPerSec / 1_000_000_000.0;
    this.eventStrings = new EventStrings(bytes, reader.strings, VALUES.size());
    java.util.Arrays.fill(strings, "");
  }

  /**
   * The decoder for a chunk's {@code perfweave.RpcCall} types (their fields as the consumer API
   * describes the chunk's metadata): an empty one where the chunk has none; null where a field's
   * type is not one this reads.
   *
   * @param reader the chunk's constant pools and clock
   * @param bytes the chunk's bytes, where the events are read
   */
  static RpcCallDecoder of(JfrReader reader, ChunkBytes bytes, Chunks.Chunk chunk) throws IOException {
    Layouts layouts = Layouts.of(bytes, chunk);
    return layouts == null ? null : new RpcCallDecoder(reader, bytes, layouts.typeIds, layouts.slots);
  }

  /**
   * The {@code perfweave.RpcCall} types of a chunk's metadata, and their layouts. The chunks of
   * one recording mostly have the same metadata, byte for byte, so the layouts are kept by it
   * (a few) and each chunk's metadata is not parsed again by the consumer API.
   */
  private record Layouts(long[] typeIds, Slot[][] slots) {

    private static final int MOST_KEPT = 16;
    private static final Map<Metadata, java.util.Optional<Layouts>> KEPT = new java.util.concurrent.ConcurrentHashMap<>();

    /** Metadata bytes as a key. */
    private record Metadata(byte[] bytes, int hash) {
      Metadata(byte[] bytes) {
        this(bytes, java.util.Arrays.hashCode(bytes));
      }

      @Override
      public boolean equals(Object other) {
        return other instanceof Metadata m && hash == m.hash && java.util.Arrays.equals(bytes, m.bytes);
      }

      @Override
      public int hashCode() {
        return hash;
      }
    }

    static Layouts of(ChunkBytes bytes, Chunks.Chunk chunk) throws IOException {
      byte[] metadata = bytes.metadataBody();
      if (metadata == null) {
        return read(chunk.file());
      }
      Metadata key = new Metadata(metadata);
      java.util.Optional<Layouts> kept = KEPT.get(key);
      if (kept == null) {
        kept = java.util.Optional.ofNullable(read(chunk.file()));
        if (KEPT.size() >= MOST_KEPT) {
          KEPT.clear();
        }
        KEPT.put(key, kept);
      }
      return kept.orElse(null);
    }

    private static Layouts read(Path chunk) throws IOException {
      List<Long> ids = new ArrayList<>();
      List<Slot[]> layouts = new ArrayList<>();
      try (RecordingFile file = new RecordingFile(chunk)) {
        for (EventType type : file.readEventTypes()) {
          if (type.getName().equals(Events.RPC_CALL)) {
            Slot[] layout = layout(type);
            if (layout == null) {
              return null;
            }
            ids.add(type.getId());
            layouts.add(layout);
          }
        }
      }
      return new Layouts(ids.stream().mapToLong(Long::longValue).toArray(), layouts.toArray(new Slot[0][]));
    }
  }

  boolean isEmpty() {
    return layouts.length == 0;
  }

  /** Which of the chunk's {@code perfweave.RpcCall} types an event type id is, or -1. */
  int layoutOf(long typeId) {
    for (int i = 0; i < typeIds.length; i++) {
      if (typeIds[i] == typeId) {
        return i;
      }
    }
    return -1;
  }

  /** Reads the fields of an event of the {@code layout}-th type, from where the bytes stand, into a call of {@code calls}. */
  void decode(int layout, CallQueue calls) {
    // a field absent from this type (the stack of a type without) keeps its default
    longs[STACK] = 0;
    for (Slot slot : layouts[layout]) {
      switch (slot.encoding) {
        case VARINT -> keep(slot, bytes.getVarlong());
        case BYTE -> keep(slot, bytes.getByte());
        case FLOAT -> bytes.getFloat();
        case DOUBLE -> bytes.getDouble();
        case STRING -> {
          if (slot.value >= 0) {
            String value = eventStrings.read(slot.value);
            strings[slot.value] = value == null ? "" : value;
          } else {
            eventStrings.skip();
          }
        }
      }
    }
    long start = nanos(longs[START]);
    long end = start + (long) (longs[DURATION] / ticksPerNano);
    firstStart = Math.min(firstStart, start);
    lastEnd = Math.max(lastEnd, end);
    String target = strings[TARGET];
    String rpcMethod = strings[RPC_METHOD];
    Long thread = reader.javaThreads.get(longs[THREAD]);
    calls.add(
        modelName(strings[SITE], rpcMethod), target, rpcMethod, strings[OUTCOME],
        longs[IDEMPOTENT] != 0, (int) longs[ATTEMPTS], strings[ERROR], longs[KEY_HASH], longs[RESULT_HASH],
        longs[MOVING_BLOCK] != 0, longs[CACHE_AGE], start, end, thread == null ? 0 : thread,
        caller(longs[STACK], target), strings[TRACE_ID], strings[SPAN_ID], Events.RPC_CALL);
  }

  /** The site's name in the model, made once for a run of calls of the same site and method (their strings are kept). */
  private String modelName(String site, String rpcMethod) {
    if (site != lastSite || rpcMethod != lastRpcMethod) {
      lastSite = site;
      lastRpcMethod = rpcMethod;
      lastModelName = SiteModel.modelName(site, rpcMethod);
    }
    return lastModelName;
  }

  /** What the consumer path notes of each event: its type, and the time it spans. */
  void seen(Model model) {
    if (firstStart <= lastEnd) {
      model.eventTypes().add(Events.RPC_CALL);
      model.run().span(firstStart, lastEnd);
    }
  }

  private void keep(Slot slot, long value) {
    if (slot.value >= 0) {
      longs[slot.value] = value;
    }
  }

  /** The JDK's conversion (its TimeConverter): the chunk's start plus ticks over ticks per nanosecond. */
  private long nanos(long ticks) {
    return reader.chunkStartNanos + (long) ((ticks - reader.chunkStartTicks) / ticksPerNano);
  }

  /** The call's caller ({@link CallerPaths.Builder}) from the reader's stack (line: the location's upper half). */
  private String caller(long stackId, String target) {
    if (stackId == 0) {
      return "";
    }
    String caller = callerByStack.get(stackId);
    if (caller == null) {
      StackTrace stack = reader.stackTraces.get(stackId);
      caller = stack == null ? "" : caller(stack, target);
      callerByStack.put(stackId, caller);
    }
    return caller;
  }

  private String caller(StackTrace stack, String target) {
    CallerPaths.Builder path = new CallerPaths.Builder(target);
    // every frame of a JDK stack trace is a Java frame (the consumer's isJavaFrame() is always true)
    for (int i = 0; i < stack.methods.length; i++) {
      MethodRef method = reader.methods.get(stack.methods[i]);
      ClassRef type = method == null ? null : reader.classes.get(method.cls);
      String typeName = type == null ? "" : symbol(type.name).replace('/', '.');
      if (!path.add(typeName, methodName(stack.methods[i], typeName, method), stack.locations[i] >> 16)) {
        break;
      }
    }
    return path.path();
  }

  private String methodName(long id, String typeName, MethodRef method) {
    return methodNames.computeIfAbsent(id, key -> method == null ? "(unknown)" : Frames.method(typeName, symbol(method.name)));
  }

  private String symbol(long id) {
    byte[] bytes = reader.symbols.get(id);
    return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
  }

  /** The layout of one {@code perfweave.RpcCall} type; null where a field's type is not one this reads. */
  private static Slot[] layout(EventType type) {
    List<ValueDescriptor> fields = type.getFields();
    Slot[] slots = new Slot[fields.size()];
    for (int i = 0; i < slots.length; i++) {
      Encoding encoding = encoding(fields.get(i).getTypeName());
      if (encoding == null) {
        return null;
      }
      slots[i] = new Slot(encoding, VALUES.indexOf(fields.get(i).getName()));
    }
    return slots;
  }

  private static Encoding encoding(String type) {
    return switch (type) {
      case "long", "int", "short", "char" -> Encoding.VARINT;
      case "byte", "boolean" -> Encoding.BYTE;
      case "float" -> Encoding.FLOAT;
      case "double" -> Encoding.DOUBLE;
      case "java.lang.String" -> Encoding.STRING;
      // references into the chunk's constant pools
      case "java.lang.Thread", "jdk.types.StackTrace" -> Encoding.VARINT;
      default -> null;
    };
  }
}
