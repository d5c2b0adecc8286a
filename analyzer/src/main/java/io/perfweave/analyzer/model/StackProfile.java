package io.perfweave.analyzer.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Samples (or bytes, or nanoseconds) by method: self where the method is the top frame, total
 * where it is anywhere on the stack (once per stack), by the first application frame (with what
 * ran inside it), and by collapsed stack for flame graphs; and apart, what ran without the
 * application: in the kernel (a top frame marked {@code _[k]}), in the JVM's own threads (no
 * Java frame: JIT compilers, GC), or in perfweave's own code (a perfweave frame above the first
 * application frame: its advice's runtime, and the JDK and libraries it calls, such as JFR writing
 * its events), which is perfweave's cost and never the application method's it ran inside.
 * Memory grows with distinct methods and stacks, not samples.
 */
public final class StackProfile {

  private static final String KERNEL_SUFFIX = "_[k]";

  private final LongCounts self = new LongCounts();
  private final LongCounts total = new LongCounts();
  private final LongCounts byApplicationFrame = new LongCounts();
  private final LongCounts collapsed = new LongCounts();
  private final Map<String, LongCounts> insideApplicationFrame = new HashMap<>();
  private long applicationValue;
  private long perfweaveValue;
  private long jvmValue;
  private long kernelValue;
  private long value;
  private long samples;

  /**
   * Adds one sample.
   *
   * @param frames method names, top (leaf) first
   * @param javaFrames which frames are Java frames (native, JVM and kernel frames are never the
   *     application's)
   * @param collapsedStack the stack root first, frames separated by ';'
   * @return the application frame the sample was counted to, or null
   */
  public String add(String[] frames, boolean[] javaFrames, String collapsedStack, long weight) {
    samples++;
    value += weight;
    if (frames.length == 0) {
      return null;
    }
    self.add(frames[0], weight);
    java.util.Set<String> seen = new java.util.HashSet<>();
    String firstApplication = null;
    boolean perfweaveFirst = false;
    for (int i = 0; i < frames.length; i++) {
      String frame = frames[i];
      if (seen.add(frame)) {
        total.add(frame, weight);
      }
      if (firstApplication == null && !perfweaveFirst && javaFrames[i]) {
        String type = Frames.classOf(frame);
        perfweaveFirst = Frames.isPerfweave(type);
        firstApplication = Frames.isApplication(type) ? frame : null;
      }
    }
    if (perfweaveFirst) {
      perfweaveValue += weight;
    } else if (firstApplication != null) {
      byApplicationFrame.add(firstApplication, weight);
      insideApplicationFrame.computeIfAbsent(firstApplication, f -> new LongCounts()).add(frames[0], weight);
      applicationValue += weight;
    }
    if (collapsedStack.endsWith(KERNEL_SUFFIX)) {
      kernelValue += weight;
    } else if (!anyJava(javaFrames)) {
      jvmValue += weight;
    }
    collapsed.add(collapsedStack, weight);
    return firstApplication;
  }

  private static boolean anyJava(boolean[] javaFrames) {
    for (boolean java : javaFrames) {
      if (java) {
        return true;
      }
    }
    return false;
  }

  public void merge(StackProfile other) {
    self.merge(other.self);
    total.merge(other.total);
    byApplicationFrame.merge(other.byApplicationFrame);
    collapsed.merge(other.collapsed);
    other.insideApplicationFrame.forEach(
        (frame, inside) -> insideApplicationFrame.computeIfAbsent(frame, f -> new LongCounts()).merge(inside));
    applicationValue += other.applicationValue;
    perfweaveValue += other.perfweaveValue;
    jvmValue += other.jvmValue;
    kernelValue += other.kernelValue;
    value += other.value;
    samples += other.samples;
  }

  public LongCounts self() {
    return self;
  }

  public LongCounts total() {
    return total;
  }

  public LongCounts byApplicationFrame() {
    return byApplicationFrame;
  }

  /** What ran (top frames) in samples whose first application frame is {@code frame}. */
  public LongCounts insideApplicationFrame(String frame) {
    return insideApplicationFrame.getOrDefault(frame, new LongCounts());
  }

  /** Weight of samples with an application frame: the application's own. */
  public long applicationValue() {
    return applicationValue;
  }

  /**
   * Weight of samples in perfweave's own code: a perfweave frame above any application frame
   * (its runtime inside a woven call, its own threads).
   */
  public long perfweaveValue() {
    return perfweaveValue;
  }

  /** Weight of samples with no Java frame and not in the kernel: the JVM's threads (JIT, GC). */
  public long jvmValue() {
    return jvmValue;
  }

  /** Weight of samples in the kernel, on any thread. */
  public long kernelValue() {
    return kernelValue;
  }

  /** Collapsed stacks (root first, ';'-separated) with their weights, for flame graphs. */
  public LongCounts collapsed() {
    return collapsed;
  }

  public long value() {
    return value;
  }

  public long samples() {
    return samples;
  }
}
