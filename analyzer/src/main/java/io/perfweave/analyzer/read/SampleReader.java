package io.perfweave.analyzer.read;

import io.perfweave.analyzer.model.Frames;
import io.perfweave.analyzer.model.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import one.jfr.ClassRef;
import one.jfr.JfrReader;
import one.jfr.MethodRef;
import one.jfr.StackTrace;
import one.jfr.event.AllocationSample;
import one.jfr.event.Event;
import one.jfr.event.ExecutionSample;

/**
 * A recording's CPU and allocation samples, counted by stack. Each of async-profiler's {@code
 * JfrReader}s that reads them (one per chunk, the reader the chunk's calls are decoded with, or
 * one for the whole file) decodes them positionally; its counts are by its stack ids, and each
 * distinct stack is turned into method names once, while that reader is open. The sites are
 * named only once the events are read, so the samples are attributed to them at the end ({@link
 * #resolveInto}).
 */
final class SampleReader {

  /** What can be built into a stack: the interesting frames of constructions on a hot path. */
  private static final String[][] COSTLY = {
    {"com.fasterxml.jackson.databind.ObjectMapper.<init>", "new ObjectMapper()"},
    {"java.util.regex.Pattern.compile", "Pattern.compile"},
    {"jdk.internal.net.http.HttpClientImpl.<init>", "new java.net.http.HttpClient"},
    {"okhttp3.OkHttpClient.<init>", "new OkHttpClient()"},
    {"org.apache.hc.client5.http.impl.classic.HttpClientBuilder.build", "a new Apache HttpClient"},
    {"javax.net.ssl.SSLContext.getInstance", "SSLContext.getInstance"},
  };

  /** Frames of opening a connection: TCP connect and TLS handshakes, in the JDK and clients. */
  private static final String[] CONNECTION_SETUP = {
    "sun.nio.ch.Net.connect", "sun.nio.ch.SocketChannelImpl.connect", "java.net.Socket.connect",
    "sun.net.www.http.HttpClient.openServer", "jdk.internal.net.http.PlainHttpConnection.connectAsync",
    "sun.security.ssl.SSLSocketImpl.startHandshake", "sun.security.ssl.SSLEngineImpl.beginHandshake",
    "okhttp3.internal.connection.RealConnection.connect",
    "org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator.connect",
  };

  static final String CPU_TIME_SAMPLE = "jdk.CPUTimeSample";
  static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";

  private final Map<Stack, long[]> cpuByStack = new HashMap<>();
  private final Map<Stack, long[]> cpuTimeByStack = new HashMap<>();
  private final Map<Allocated, long[]> allocationByStackAndType = new HashMap<>();
  private long startNanos = Long.MAX_VALUE;
  private long endNanos = Long.MIN_VALUE;
  private boolean complete = true;
  // given when the samples are resolved, once the events have named the sites
  private Model model;
  private Map<String, String> siteByTarget;

  /** Whether a recording was written by async-profiler (its metadata has profiler.* types). */
  static boolean isAsyncProfiler(Path file) throws IOException {
    try (JfrReader reader = new JfrReader(file.toString())) {
      return reader.typesByName.keySet().stream().anyMatch(t -> t.startsWith("profiler."));
    }
  }

  /**
   * Reads the samples of {@code reader}'s recording (a chunk's, or a whole file's), from where it
   * stands to its end, and adds them: any thread, at any time before {@link #resolveInto}. What
   * was read before a failure is kept; the failure is then thrown.
   */
  void add(JfrReader reader) throws IOException {
    ReaderCounts counts = new ReaderCounts(reader);
    try {
      for (Event event; (event = reader.readEvent()) != null; ) {
        counts.take(event);
      }
    } finally {
      counts.addTo(this, !reader.incomplete());
    }
  }

  /**
   * Adds the samples to {@code model}, attributed to the sites whose targets their stacks pass
   * through; returns false when the recording ended early (the rest is kept).
   */
  boolean resolveInto(Model model, Map<String, String> siteByTarget) {
    this.model = model;
    this.siteByTarget = siteByTarget;
    resolve();
    if (startNanos <= endNanos) {
      model.run().span(startNanos, endNanos);
    }
    return complete;
  }

  private synchronized void merge(
      Map<Stack, long[]> cpu, Map<Stack, long[]> cpuTime, Map<Allocated, long[]> allocation,
      long start, long end, boolean whole) {
    cpu.forEach((stack, count) -> cpuByStack.computeIfAbsent(stack, s -> new long[1])[0] += count[0]);
    cpuTime.forEach((stack, count) -> cpuTimeByStack.computeIfAbsent(stack, s -> new long[1])[0] += count[0]);
    allocation.forEach((key, bytes) -> allocationByStackAndType.computeIfAbsent(key, k -> new long[1])[0] += bytes[0]);
    startNanos = Math.min(startNanos, start);
    endNanos = Math.max(endNanos, end);
    complete &= whole;
  }

  private void resolve() {
    String cpuEvent = !cpuTimeByStack.isEmpty() ? CPU_TIME_SAMPLE : !cpuByStack.isEmpty() ? EXECUTION_SAMPLE : "";
    if (!cpuEvent.isEmpty()) {
      model.eventTypes().add(cpuEvent);
      model.run().cpuSampleEvent(cpuEvent);
    }
    if (!allocationByStackAndType.isEmpty()) {
      model.eventTypes().add("jdk.ObjectAllocationSample");
    }
    (cpuTimeByStack.isEmpty() ? cpuByStack : cpuTimeByStack).forEach((stack, count) -> cpuSample(stack, count[0]));
    allocationByStackAndType.forEach((key, bytes) -> allocation(key.stack(), key.type(), bytes[0]));
  }

  private void cpuSample(Stack stack, long count) {
    String[] frames = stack.frames;
    model.jvm().cpu().add(frames, stack.javaFrames, Collapsed.of(stack.flameNames), count);
    attributeToSite(frames, count, true);
    costly(frames, count);
    connectionSetup(frames, count);
  }

  private void connectionSetup(String[] frames, long count) {
    for (int i = 0; i < frames.length; i++) {
      for (String connect : CONNECTION_SETUP) {
        if (frames[i].equals(connect)) {
          model.jvm().connectionSetup().add(firstApplication(frames, i), count);
          return;
        }
      }
    }
  }

  private void allocation(Stack stack, String type, long bytes) {
    String[] flame = stack.flameNames;
    String[] withType = new String[flame.length + 1];
    System.arraycopy(flame, 0, withType, 1, flame.length);
    withType[0] = type + "_[i]";
    String under = model.jvm().allocation().add(stack.frames, stack.javaFrames, Collapsed.of(withType), bytes);
    model.jvm().allocationByType().add(type, bytes);
    if (under != null) {
      model.jvm().allocatedUnder(under, type, bytes);
    }
    attributeToSite(stack.frames, bytes, false);
  }

  /** CPU or allocation inside an RPC call: the stack passes through a site's target method. */
  private void attributeToSite(String[] frames, long value, boolean cpu) {
    for (String frame : frames) {
      String site = siteByTarget.get(frame);
      if (site != null) {
        if (cpu) {
          model.site(site).recordCpuInside(frames.length == 0 ? "" : frames[0], value);
        } else {
          model.site(site).recordAllocationInside(frames.length == 0 ? "" : frames[0], value);
        }
        return;
      }
    }
  }

  private void costly(String[] frames, long count) {
    for (String[] pattern : COSTLY) {
      for (int i = 0; i < frames.length; i++) {
        if (frames[i].equals(pattern[0])) {
          model.jvm().costlyConstruction().add(pattern[1] + " in " + firstApplication(frames, i), count);
          return;
        }
      }
    }
  }

  private static String firstApplication(String[] frames, int from) {
    for (int i = from; i < frames.length; i++) {
      if (Frames.isApplication(Frames.classOf(frames[i]))) {
        return frames[i];
      }
    }
    return "(no application frame)";
  }

  /**
   * A stack by its frames' names, top first: the reader's id is part of it, so that stacks that
   * differ only where names do not show (a line, a bytecode index) stay apart as the recording
   * has them, and an id a later chunk gives another stack does not join them.
   */
  private static final class Stack {
    final long id;
    final String[] frames;
    final boolean[] javaFrames;
    // the frames with the flame graph's type suffixes (kernel frames are drawn apart)
    final String[] flameNames;
    private final int hash;

    Stack(long id, String[] frames, boolean[] javaFrames, String[] flameNames) {
      this.id = id;
      this.frames = frames;
      this.javaFrames = javaFrames;
      this.flameNames = flameNames;
      this.hash = 31 * (31 * Long.hashCode(id) + Arrays.hashCode(flameNames)) + Arrays.hashCode(javaFrames);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Stack stack
          && id == stack.id
          && Arrays.equals(flameNames, stack.flameNames)
          && Arrays.equals(javaFrames, stack.javaFrames);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** Bytes allocated of one type at one stack. */
  private record Allocated(Stack stack, String type) {}

  /** One reader's samples by its stack ids, turned into {@link Stack}s while it is open. */
  private static final class ReaderCounts {
    // async-profiler's frame types: 0-2 and 6 are Java (interpreted, JIT, inlined, C1), 5 kernel
    private static final byte KERNEL_FRAME = 5;
    private static final byte FIRST_NATIVE_FRAME = 3;
    private static final byte C1_FRAME = 6;

    private final JfrReader reader;
    private final Map<Integer, long[]> cpuByStack = new HashMap<>();
    private final Map<Integer, long[]> cpuTimeByStack = new HashMap<>();
    private final Map<Long, long[]> allocationByStackAndType = new HashMap<>();
    private final Map<Integer, Stack> stacks = new HashMap<>();
    private final Map<Long, String> methodNames = new HashMap<>();

    ReaderCounts(JfrReader reader) {
      this.reader = reader;
    }

    void take(Event event) {
      if (event instanceof ExecutionSample) {
        // JDK 25's CPU-time samples (JEP 509) measure CPU per thread; where a recording has them,
        // they are the profile, and its execution samples (wall-clock walks of running threads) are not
        Map<Integer, long[]> counts =
            ((ExecutionSample) event).threadState == ExecutionSample.CPU_TIME_SAMPLE ? cpuTimeByStack : cpuByStack;
        counts.computeIfAbsent(event.stackTraceId, id -> new long[1])[0] += event.samples();
      } else if (event instanceof AllocationSample) {
        AllocationSample sample = (AllocationSample) event;
        long key = ((long) sample.stackTraceId << 32) | (sample.classId & 0xffffffffL);
        allocationByStackAndType.computeIfAbsent(key, k -> new long[1])[0] += sample.value();
      }
    }

    /** The counts by stack, added to {@code samples}; {@code whole}: the reader read to the end. */
    void addTo(SampleReader samples, boolean whole) {
      Map<Stack, long[]> cpu = byStack(cpuByStack);
      Map<Stack, long[]> cpuTime = byStack(cpuTimeByStack);
      Map<Allocated, long[]> allocation = new HashMap<>();
      allocationByStackAndType.forEach((key, bytes) -> allocation.computeIfAbsent(
          new Allocated(stack((int) (key >>> 32)), className((int) (long) key)), k -> new long[1])[0] += bytes[0]);
      samples.merge(cpu, cpuTime, allocation, reader.startNanos, reader.endNanos, whole);
    }

    private Map<Stack, long[]> byStack(Map<Integer, long[]> counts) {
      Map<Stack, long[]> byStack = new HashMap<>();
      counts.forEach((id, count) -> byStack.computeIfAbsent(stack(id), s -> new long[1])[0] += count[0]);
      return byStack;
    }

    private Stack stack(int stackId) {
      return stacks.computeIfAbsent(stackId, id -> {
        StackTrace trace = reader.stackTraces.get(id);
        String[] frames = frames(trace);
        return new Stack(id, frames, javaFrames(trace), flameNames(trace, frames));
      });
    }

    private static boolean[] javaFrames(StackTrace stack) {
      if (stack == null) {
        return new boolean[0];
      }
      boolean[] java = new boolean[stack.methods.length];
      for (int i = 0; i < java.length; i++) {
        byte type = stack.types == null || i >= stack.types.length ? 1 : stack.types[i];
        java[i] = type < FIRST_NATIVE_FRAME || type == C1_FRAME;
      }
      return java;
    }

    private static String[] flameNames(StackTrace stack, String[] frames) {
      String[] names = frames.clone();
      for (int i = 0; stack != null && stack.types != null && i < names.length && i < stack.types.length; i++) {
        if (stack.types[i] == KERNEL_FRAME) {
          names[i] = names[i] + "_[k]";
        }
      }
      return names;
    }

    private String[] frames(StackTrace stack) {
      if (stack == null) {
        return new String[0];
      }
      String[] names = new String[stack.methods.length];
      for (int i = 0; i < names.length; i++) {
        names[i] = methodName(stack.methods[i]);
      }
      return names;
    }

    private String methodName(long methodId) {
      return methodNames.computeIfAbsent(
          methodId,
          id -> {
            MethodRef method = reader.methods.get(id);
            if (method == null) {
              return "(unknown)";
            }
            ClassRef type = reader.classes.get(method.cls);
            String className = type == null ? "" : symbol(type.name).replace('/', '.');
            String name = symbol(method.name);
            return className.isEmpty() ? name : className + "." + name;
          });
    }

    private String className(int classId) {
      ClassRef type = reader.classes.get(classId);
      return type == null ? "(unknown)" : symbol(type.name).replace('/', '.');
    }

    private String symbol(long id) {
      byte[] bytes = reader.symbols.get(id);
      return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
