package io.perfweave.analyzer.read;

import io.perfweave.analyzer.model.Frames;
import io.perfweave.analyzer.model.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * Reads the high-volume sample events of one recording with async-profiler's {@code JfrReader},
 * which decodes them positionally and resolves each distinct stack once. CPU and allocation
 * samples are aggregated by stack id while reading and turned into method names once per
 * distinct stack at the end.
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

  private final JfrReader reader;
  private boolean complete;
  // given when the samples are resolved, once the events have named the sites
  private Model model;
  private Map<String, String> siteByTarget;
  // async-profiler's frame types: 0-2 and 6 are Java (interpreted, JIT, inlined, C1), 5 kernel
  private static final byte KERNEL_FRAME = 5;
  private static final byte FIRST_NATIVE_FRAME = 3;
  private static final byte C1_FRAME = 6;

  private final Map<Long, String> methodNames = new HashMap<>();
  private final Map<Integer, long[]> cpuByStack = new HashMap<>();
  private final Map<Integer, long[]> cpuTimeByStack = new HashMap<>();
  private final Map<Long, long[]> allocationByStackAndType = new HashMap<>();

  private SampleReader(JfrReader reader) {
    this.reader = reader;
  }

  /** Whether a recording was written by async-profiler (its metadata has profiler.* types). */
  static boolean isAsyncProfiler(Path file) throws IOException {
    try (JfrReader reader = new JfrReader(file.toString())) {
      return reader.typesByName.keySet().stream().anyMatch(t -> t.startsWith("profiler."));
    }
  }

  /**
   * Reads a recording's samples, counted by stack: this needs no site, so it runs beside the
   * events' pass. The file stays open (its stacks and names are read from it) until {@link
   * #resolveInto}.
   */
  static SampleReader collect(Path file) throws IOException {
    JfrReader reader = new JfrReader(file.toString());
    try {
      SampleReader samples = new SampleReader(reader);
      for (Event event; (event = reader.readEvent()) != null; ) {
        samples.take(event);
      }
      samples.complete = !reader.incomplete();
      return samples;
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /**
   * Adds the samples to {@code model}, attributed to the sites whose targets their stacks pass
   * through, and closes the file; returns false when the file ended early (the rest is kept).
   */
  boolean resolveInto(Model model, Map<String, String> siteByTarget) throws IOException {
    try (JfrReader closing = reader) {
      this.model = model;
      this.siteByTarget = siteByTarget;
      resolve();
      model.run().span(reader.startNanos, reader.endNanos);
      return complete;
    }
  }

  private void take(Event event) {
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

  private void resolve() {
    String cpuEvent = !cpuTimeByStack.isEmpty() ? CPU_TIME_SAMPLE : !cpuByStack.isEmpty() ? EXECUTION_SAMPLE : "";
    if (!cpuEvent.isEmpty()) {
      model.eventTypes().add(cpuEvent);
      model.run().cpuSampleEvent(cpuEvent);
    }
    if (!allocationByStackAndType.isEmpty()) {
      model.eventTypes().add("jdk.ObjectAllocationSample");
    }
    (cpuTimeByStack.isEmpty() ? cpuByStack : cpuTimeByStack).forEach((stackId, count) -> cpuSample(stackId, count[0]));
    allocationByStackAndType.forEach(
        (key, bytes) -> allocation((int) (key >>> 32), className((int) (long) key), bytes[0]));
  }

  private void cpuSample(int stackId, long count) {
    String[] frames = frames(stackId);
    model.jvm().cpu().add(frames, javaFrames(stackId), Collapsed.of(flameNames(stackId, frames)), count);
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

  private void allocation(int stackId, String type, long bytes) {
    String[] frames = frames(stackId);
    String[] flame = flameNames(stackId, frames);
    String[] withType = java.util.Arrays.copyOf(flame, flame.length + 1);
    System.arraycopy(flame, 0, withType, 1, flame.length);
    withType[0] = type + "_[i]";
    model.jvm().allocation().add(frames, javaFrames(stackId), Collapsed.of(withType), bytes);
    model.jvm().allocationByType().add(type, bytes);
    attributeToSite(frames, bytes, false);
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

  private boolean[] javaFrames(int stackId) {
    StackTrace stack = reader.stackTraces.get(stackId);
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

  /** Frame names with the flame graph's type suffixes (kernel frames are drawn apart). */
  private String[] flameNames(int stackId, String[] frames) {
    StackTrace stack = reader.stackTraces.get(stackId);
    String[] names = frames.clone();
    for (int i = 0; stack != null && stack.types != null && i < names.length && i < stack.types.length; i++) {
      if (stack.types[i] == KERNEL_FRAME) {
        names[i] = names[i] + "_[k]";
      }
    }
    return names;
  }

  private String[] frames(int stackId) {
    StackTrace stack = reader.stackTraces.get(stackId);
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
