package io.perfweave.analyzer.model;

/**
 * Samples (or bytes, or nanoseconds) by method: self where the method is the top frame, total
 * where it is anywhere on the stack (once per stack), by the first application frame, and by
 * collapsed stack for flame graphs. Memory grows with distinct methods and stacks, not samples.
 */
public final class StackProfile {

  private final LongCounts self = new LongCounts();
  private final LongCounts total = new LongCounts();
  private final LongCounts byApplicationFrame = new LongCounts();
  private final LongCounts collapsed = new LongCounts();
  private long value;
  private long samples;

  /**
   * Adds one sample.
   *
   * @param frames method names, top (leaf) first
   * @param javaFrames which frames are Java frames (native, JVM and kernel frames are never the
   *     application's)
   * @param collapsedStack the stack root first, frames separated by ';'
   */
  public void add(String[] frames, boolean[] javaFrames, String collapsedStack, long weight) {
    samples++;
    value += weight;
    if (frames.length == 0) {
      return;
    }
    self.add(frames[0], weight);
    java.util.Set<String> seen = new java.util.HashSet<>();
    String firstApplication = null;
    for (int i = 0; i < frames.length; i++) {
      String frame = frames[i];
      if (seen.add(frame)) {
        total.add(frame, weight);
      }
      if (firstApplication == null && javaFrames[i] && Frames.isApplication(Frames.classOf(frame))) {
        firstApplication = frame;
      }
    }
    if (firstApplication != null) {
      byApplicationFrame.add(firstApplication, weight);
    }
    collapsed.add(collapsedStack, weight);
  }

  public void merge(StackProfile other) {
    self.merge(other.self);
    total.merge(other.total);
    byApplicationFrame.merge(other.byApplicationFrame);
    collapsed.merge(other.collapsed);
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
