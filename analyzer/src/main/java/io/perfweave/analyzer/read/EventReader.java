package io.perfweave.analyzer.read;

import io.perfweave.analyzer.model.CallerPaths;
import io.perfweave.analyzer.model.Frames;
import io.perfweave.analyzer.model.MethodTimings;
import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.RpcCallRecord;
import io.perfweave.analyzer.model.SiteModel;
import io.perfweave.contract.AgentStatsField;
import io.perfweave.contract.Events;
import io.perfweave.contract.Outcome;
import io.perfweave.contract.RetryAttemptField;
import io.perfweave.contract.RpcCallField;
import io.perfweave.contract.SiteStatsField;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import org.HdrHistogram.Histogram;

/**
 * Reads the events of one recording other than samples: perfweave's calls with {@link
 * RpcCallFastReader}, the low-volume rest through the JDK's consumer API, one method per event
 * type. Only the types with a handler are parsed, so the high-volume samples (read by {@link
 * SampleReader}) cost almost nothing here.
 */
final class EventReader {

  private static final String RECORDER_PACKAGE = "jdk.jfr.";

  private final Model model;
  private final CallQueue calls;
  // the consumer API resolves each stack once per chunk and hands out the same object
  private final java.util.Map<RecordedStackTrace, String> callerByStack = new java.util.IdentityHashMap<>();
  private final java.util.Map<RecordedThread, Long> threadIds = new java.util.IdentityHashMap<>();
  private final java.util.Map<Long, boolean[]> optionalFields = new java.util.HashMap<>();
  // async-profiler's lock sampling interval in this recording, from its "lock" setting; 0 in JFR's
  private long lockSampleNanos;

  private EventReader(Model model) {
    this.model = model;
    this.calls = new CallQueue(model);
  }

  /**
   * Reads a recording's events into the model: its calls ({@link #readCalls}), then the rest
   * ({@link #readOthers}). What was read before a truncation still counts; the first failure is
   * then thrown.
   */
  static void read(Path file, Model model) throws IOException {
    IOException failure = null;
    try (Chunks.Chunk whole = Chunks.whole(file)) {
      readCalls(whole, model, null);
    } catch (IOException cutShort) {
      failure = cutShort;
    }
    try {
      readOthers(file, model);
    } catch (IOException cutShort) {
      failure = failure == null ? cutShort : failure;
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Reads the {@code perfweave.RpcCall} events of one chunk (or of a recording that could not be
   * split): positionally where {@link RpcCallFastReader} can, else with the consumer API. The
   * calls before a truncation are kept. The chunk's samples go to {@code samples} unless that is
   * null, where the positional reader reads the chunk.
   */
  static void readCalls(Chunks.Chunk chunk, Model model, SampleReader samples) throws IOException {
    EventReader reader = new EventReader(model);
    try {
      boolean read;
      try {
        read = RpcCallFastReader.ENABLED && RpcCallFastReader.read(chunk, reader.calls, model, samples);
      } catch (RuntimeException damaged) {
        throw new IOException(damaged.getMessage(), damaged);
      }
      if (!read) {
        reader.consume(chunk.file(), true, false);
      }
    } finally {
      reader.calls.drain();
    }
  }

  /**
   * Reads every event but the calls, of a whole recording, with the consumer API: one stream over
   * all its chunks parses their metadata once where it is the same (per chunk, it was most of this
   * reading's cost). Traced methods' calls are among these, in the recording's order.
   */
  static void readOthers(Path file, Model model) throws IOException {
    EventReader reader = new EventReader(model);
    try {
      reader.consume(file, false, true);
    } finally {
      reader.calls.drain();
    }
  }

  private void consume(Path file, boolean withCalls, boolean withOthers) throws IOException {
    try (EventStream stream = EventStream.openFile(file)) {
      stream.setReuse(true);
      // ordered delivery sorts each chunk's events in memory; a thread's events are in order anyway
      stream.setOrdered(false);
      if (withCalls) {
        stream.onEvent(Events.RPC_CALL, this::rpcCall);
      }
      if (withOthers) {
        onOthers(stream);
      }
      stream.start();
    }
  }

  private void onOthers(EventStream stream) {
    stream.onEvent(Events.RETRY_ATTEMPT, this::retryAttempt);
    stream.onEvent(Events.AGENT_STATS, this::agentStats);
    stream.onEvent(Events.SITE_STATS, this::siteStats);
    stream.onEvent(SiteModel.METHOD_TRACE, this::methodTrace);
    stream.onEvent("jdk.MethodTiming", this::methodTiming);
    stream.onEvent("jdk.GarbageCollection", this::garbageCollection);
    stream.onEvent("jdk.JavaMonitorEnter", this::monitorEnter);
    stream.onEvent("jdk.ThreadPark", this::threadPark);
    stream.onEvent("jdk.JavaExceptionThrow", this::exceptionThrow);
    stream.onEvent("jdk.SocketRead", this::socket);
    stream.onEvent("jdk.SocketWrite", this::socket);
    stream.onEvent("jdk.ActiveSetting", this::activeSetting);
    stream.onEvent("jdk.BooleanFlag", this::booleanFlag);
    stream.onEvent("jdk.JVMInformation", this::jvmInformation);
    stream.onEvent("jdk.DataLoss", this::dataLoss);
    stream.onEvent("jdk.CPUTimeSamplesLost", this::cpuTimeSamplesLost);
  }

  private void rpcCall(RecordedEvent event) {
    seen(event);
    // fields added after the first recording contract may be missing in older recordings
    boolean[] optional = optionalFields.computeIfAbsent(event.getEventType().getId(), id -> presence(event));
    String target = string(event, RpcCallField.TARGET);
    String rpcMethod = string(event, RpcCallField.RPC_METHOD);
    RpcCallRecord call =
        new RpcCallRecord(
            SiteModel.modelName(string(event, RpcCallField.SITE), rpcMethod),
            target,
            rpcMethod,
            string(event, RpcCallField.OUTCOME),
            optional[0] && event.getBoolean(RpcCallField.IDEMPOTENT),
            event.getInt(RpcCallField.ATTEMPTS),
            string(event, RpcCallField.ERROR),
            event.getLong(RpcCallField.KEY_HASH),
            optional[2] ? event.getLong(RpcCallField.RESULT_HASH) : 0,
            optional[3] && event.getBoolean(RpcCallField.MOVING_BLOCK),
            optional[1] ? event.getLong(RpcCallField.CACHE_AGE) : 0,
            nanos(event.getStartTime()),
            nanos(event.getEndTime()),
            threadId(event),
            cachedCaller(event.getStackTrace(), target),
            optional[4] ? string(event, RpcCallField.TRACE_ID) : "",
            optional[4] ? string(event, RpcCallField.SPAN_ID) : "");
    calls.add(call);
  }

  /**
   * A call of a method JDK 25 traces ({@code -XX:StartFlightRecording:method-trace=Type::method},
   * or async-profiler's {@code trace=Type.method}): a site named {@code Type#method} (overloads together),
   * with its latency, caller and thread, but no arguments, result or outcome.
   */
  private void methodTrace(RecordedEvent event) {
    seen(event);
    RecordedMethod method = tracedMethod(event);
    if (method == null) {
      return;
    }
    String target = target(method);
    calls.add(new RpcCallRecord(target, target, "", Outcome.SUCCESS, false, 1, "", 0, 0, false, 0,
        nanos(event.getStartTime()), nanos(event.getEndTime()), threadId(event),
        cachedCaller(event.getStackTrace(), target), "", "", SiteModel.METHOD_TRACE));
  }

  /** A traced or timed method as perfweave's events name a woven site's target: {@code Type#method}. */
  private static String target(RecordedMethod method) {
    return method.getType().getName() + "#" + method.getName();
  }

  /** The JDK names the traced method; async-profiler's {@code trace=} leaves it out, its stack starting there. */
  private static RecordedMethod tracedMethod(RecordedEvent event) {
    RecordedMethod method = event.getValue("method");
    RecordedStackTrace stack = event.getStackTrace();
    if (method == null && stack != null && !stack.getFrames().isEmpty()) {
      method = stack.getFrames().get(0).getMethod();
    }
    return method;
  }

  private void methodTiming(RecordedEvent event) {
    seen(event);
    RecordedMethod method = event.getValue("method");
    if (method != null) {
      // overloads apart: each has counters of its own
      model.methodTimings().record(target(method) + " " + method.getDescriptor(),
          new MethodTimings.Timing(nanos(event.getStartTime()), event.getLong("invocations"),
              event.getDuration("minimum").toNanos(), event.getDuration("average").toNanos(),
              event.getDuration("maximum").toNanos()));
    }
  }

  private void retryAttempt(RecordedEvent event) {
    seen(event);
    // a built-in HTTP site's decisions are its JSON-RPC method's, as its calls are; in an older
    // recording, without the method, they cannot be told apart and are left out (its calls'
    // attempts still show the retries)
    String site = text(event, RetryAttemptField.SITE);
    String rpcMethod = text(event, RetryAttemptField.RPC_METHOD);
    if (site.startsWith("http:") && rpcMethod.isEmpty()) {
      return;
    }
    model.site(SiteModel.modelName(site, rpcMethod)).recordRetryDecision(text(event, RetryAttemptField.DECISION));
  }

  private void agentStats(RecordedEvent event) {
    seen(event);
    model.run().agentStats(
        event.getLong(AgentStatsField.ADVICE_ERRORS), event.getLong(AgentStatsField.TRANSFORM_ERRORS));
    String jvm = text(event, AgentStatsField.JVM);
    if (!jvm.isEmpty() && model.run().jvmVersion().isEmpty()) {
      model.run().jvm(jvm, "");
    }
    if (model.run().pid() == 0 && event.hasField(AgentStatsField.PID)) {
      Instant start = event.getInstant(AgentStatsField.JVM_START);
      model.run().identity(
          event.getLong(AgentStatsField.PID), text(event, AgentStatsField.HOST), start.toEpochMilli());
    }
  }

  private void siteStats(RecordedEvent event) {
    seen(event);
    Histogram latencies;
    try {
      latencies = Histogram.decodeFromCompressedByteBuffer(
          ByteBuffer.wrap(Base64.getDecoder().decode(text(event, SiteStatsField.LATENCIES))), 0);
    } catch (java.util.zip.DataFormatException | RuntimeException damaged) {
      throw new IllegalStateException("a perfweave.SiteStats event with a damaged histogram", damaged);
    }
    Map<String, Long> byOutcome = new HashMap<>();
    byOutcome.put(Outcome.SUCCESS, event.getLong(SiteStatsField.SUCCESS));
    byOutcome.put(Outcome.CACHE_HIT, event.getLong(SiteStatsField.CACHE_HITS));
    byOutcome.put(Outcome.L2_HIT, event.getLong(SiteStatsField.L2_HITS));
    byOutcome.put(Outcome.SHADOW_HIT, event.getLong(SiteStatsField.SHADOW_HITS));
    byOutcome.put(Outcome.COALESCED, event.getLong(SiteStatsField.COALESCED));
    String site = SiteModel.modelName(text(event, SiteStatsField.SITE), text(event, SiteStatsField.RPC_METHOD));
    model.site(site).recordUnrecorded(event.getStartTime().getEpochSecond(), byOutcome, latencies);
  }

  private void garbageCollection(RecordedEvent event) {
    seen(event);
    long pause = event.getDuration("sumOfPauses").toNanos();
    model.jvm().gcPauses().record(pause);
    model.jvm().gcByName().add(text(event, "name"), pause);
  }

  private void monitorEnter(RecordedEvent event) {
    seen(event);
    RecordedClass monitor = event.getClass("monitorClass");
    String name = monitor == null ? "(unknown)" : monitor.getName();
    // JFR's own threads wait on its recorder while a recording starts or rotates: the
    // recorder's cost, not the application's contention
    if (!name.startsWith(RECORDER_PACKAGE)) {
      lock(event, name);
    }
  }

  private void threadPark(RecordedEvent event) {
    RecordedStackTrace stack = event.getStackTrace();
    // parks of idle pool threads and futures are waiting, not contention: keep lock parks only
    if (stack != null && stack.getFrames().stream().anyMatch(EventReader::isLockFrame)) {
      seen(event);
      RecordedClass parked = event.getClass("parkedClass");
      lock(event, parked == null ? "(unknown)" : parked.getName());
    }
  }

  /**
   * One wait on a monitor or lock. In JFR's recordings each event is one wait above its threshold.
   * async-profiler samples one wait each time the waits added up pass its interval, carrying over
   * the rest; a sample stands for the interval where its wait was shorter, for its wait where
   * longer (which is what the interval's crossings add up to, on average).
   */
  private void lock(RecordedEvent event, String monitor) {
    long nanos = Math.max(event.getDuration().toNanos(), lockSampleNanos);
    String type = event.getEventType().getName();
    model.jvm().lockSources().add(lockSampleNanos > 0 ? "async-profiler " + type : type);
    model.jvm().lockNanosByMonitor().add(monitor, nanos);
    model.jvm().lockCountByMonitor().add(monitor, 1);
    String[] frames = frames(event.getStackTrace());
    boolean[] javaFrames = new boolean[frames.length];
    Arrays.fill(javaFrames, true);
    model.jvm().locks().add(frames, javaFrames, Collapsed.of(frames), nanos);
  }

  private void exceptionThrow(RecordedEvent event) {
    seen(event);
    RecordedClass thrown = event.getClass("thrownClass");
    String type = thrown == null ? "(unknown)" : thrown.getName();
    model.jvm().exceptionsByType().add(type, 1);
    model.jvm().exceptionsByThrower().add(type + " at " + thrower(event.getStackTrace()), 1);
  }

  private void socket(RecordedEvent event) {
    seen(event);
    String host = text(event, "host");
    String where = (host.isEmpty() ? text(event, "address") : host) + ":" + event.getInt("port");
    model.jvm().socketNanosByHost().add(where, event.getDuration().toNanos());
    model.jvm().socketCountByHost().add(where, 1);
  }

  /** async-profiler writes its settings at a chunk's start, before its samples. */
  private void activeSetting(RecordedEvent event) {
    String name = text(event, "name");
    if (name.equals("engine")) {
      model.run().cpuEngine(text(event, "value"));
    } else if (name.equals("lock")) {
      lockSampleNanos = parseNanos(text(event, "value"));
    }
  }

  private static long parseNanos(String value) {
    try {
      return Math.max(0, Long.parseLong(value.trim()));
    } catch (NumberFormatException notANumber) {
      return 0;
    }
  }

  private void booleanFlag(RecordedEvent event) {
    if (text(event, "name").equals("DebugNonSafepoints")) {
      model.run().debugNonSafepoints(event.getBoolean("value"));
    }
  }

  private void jvmInformation(RecordedEvent event) {
    model.run().jvm(text(event, "jvmVersion"), text(event, "jvmArguments"));
  }

  private void dataLoss(RecordedEvent event) {
    seen(event);
    model.run().lost(event.getLong("amount"));
  }

  private void cpuTimeSamplesLost(RecordedEvent event) {
    seen(event);
    model.run().lostCpuSamples(event.getInt("lostSamples"));
  }

  private void seen(RecordedEvent event) {
    model.eventTypes().add(event.getEventType().getName());
    model.run().span(nanos(event.getStartTime()), nanos(event.getEndTime()));
  }

  private String cachedCaller(RecordedStackTrace stack, String target) {
    if (stack == null) {
      return "";
    }
    if (callerByStack.size() > 100_000) {
      callerByStack.clear();
    }
    return callerByStack.computeIfAbsent(stack, s -> caller(s, target));
  }

  /**
   * The first application frame under the call: perfweave's and the target's own skipped. For a
   * built-in HTTP site, the first few application frames ({@link CallerPaths}): the first is often
   * the application's own HTTP plumbing, shared by every call it makes.
   */
  static String caller(RecordedStackTrace stack, String target) {
    if (stack == null) {
      return "";
    }
    CallerPaths.Builder path = new CallerPaths.Builder(target);
    for (RecordedFrame frame : stack.getFrames()) {
      if (!frame.isJavaFrame()) {
        continue;
      }
      String type = frame.getMethod().getType().getName();
      if (!path.add(type, Frames.method(type, frame.getMethod().getName()), frame.getLineNumber())) {
        break;
      }
    }
    return path.path();
  }

  private static String thrower(RecordedStackTrace stack) {
    if (stack == null) {
      return "(no stack)";
    }
    for (RecordedFrame frame : stack.getFrames()) {
      String type = frame.getMethod().getType().getName();
      if (Frames.isApplication(type) && !frame.getMethod().getName().equals("<init>")) {
        return Frames.method(type, frame.getMethod().getName()) + ":" + frame.getLineNumber();
      }
    }
    RecordedFrame top = stack.getFrames().isEmpty() ? null : stack.getFrames().get(0);
    return top == null ? "(no stack)" : Frames.method(top.getMethod().getType().getName(), top.getMethod().getName());
  }

  private static String[] frames(RecordedStackTrace stack) {
    if (stack == null) {
      return new String[0];
    }
    List<RecordedFrame> frames = stack.getFrames();
    String[] names = new String[frames.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = Frames.method(frames.get(i).getMethod().getType().getName(), frames.get(i).getMethod().getName());
    }
    return names;
  }

  private static boolean isLockFrame(RecordedFrame frame) {
    String type = frame.getMethod().getType().getName();
    return type.startsWith("java.util.concurrent.locks.ReentrantLock")
        || type.startsWith("java.util.concurrent.locks.ReentrantReadWriteLock");
  }

  private long threadId(RecordedEvent event) {
    RecordedThread thread = event.getThread();
    if (thread == null) {
      return 0;
    }
    if (threadIds.size() > 100_000) {
      threadIds.clear();
    }
    return threadIds.computeIfAbsent(thread, RecordedThread::getJavaThreadId);
  }

  private static boolean[] presence(RecordedEvent event) {
    return new boolean[] {
      event.getEventType().getField(RpcCallField.IDEMPOTENT) != null,
      event.getEventType().getField(RpcCallField.CACHE_AGE) != null,
      event.getEventType().getField(RpcCallField.RESULT_HASH) != null,
      event.getEventType().getField(RpcCallField.MOVING_BLOCK) != null,
      event.getEventType().getField(RpcCallField.TRACE_ID) != null
    };
  }

  private static String string(RecordedEvent event, String field) {
    String value = event.getString(field);
    return value == null ? "" : value;
  }

  private static String text(RecordedEvent event, String field) {
    if (!event.hasField(field)) {
      return "";
    }
    Object value = event.getValue(field);
    return value == null ? "" : value.toString();
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
