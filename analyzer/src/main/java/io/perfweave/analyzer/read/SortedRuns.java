package io.perfweave.analyzer.read;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.PriorityQueue;

/**
 * Slots ordered by a start time, oldest first, for input that is mostly in order: each call
 * that comes in order joins the current run (a queue), one that does not starts a new run, and
 * the oldest call is the oldest head among the runs. JFR hands a thread's events over in
 * batches, each batch in order but a batch now and then tens of milliseconds late: that is a few
 * runs, so adding and taking a call cost a few comparisons, where a heap of every waiting call
 * cost ~26 and an insertion into one sorted array shifted thousands. Calls that started at the
 * same time come out in the order they came.
 */
final class SortedRuns {

  private static final int FIRST_RING = 64;

  private final long[] starts;
  private final long[] arrivals;
  private final Deque<int[]> rings;
  private final PriorityQueue<Run> runs = new PriorityQueue<>(this::compareHeads);
  private final ArrayDeque<Run> spareRuns = new ArrayDeque<>();
  private Run current;
  private long arrived;
  private int size;

  /**
   * @param starts a long per slot there is (0 to {@code starts.length - 1}), any values
   * @param arrivals as many
   * @param rings rings for the runs to take (each a power of two long), given back at {@link #release}
   */
  SortedRuns(long[] starts, long[] arrivals, Deque<int[]> rings) {
    this.starts = starts;
    this.arrivals = arrivals;
    this.rings = rings;
  }

  /** Gives the runs' rings back, once every slot is taken (the runs are then all spare, or current). */
  void release() {
    spareRuns.forEach(run -> rings.push(run.slots));
    if (current != null) {
      rings.push(current.slots);
    }
    spareRuns.clear();
    current = null;
  }

  int size() {
    return size;
  }

  void add(int slot, long start) {
    starts[slot] = start;
    arrivals[slot] = arrived++;
    if (current != null && !current.isEmpty() && start >= starts[current.last()]) {
      // joins the current run at its end: the run's head, and so its place, stay as they are
      current.add(slot);
    } else {
      if (current != null && current.isEmpty()) {
        spareRuns.add(current); // taken to the end: out of the queue already
      }
      current = spareRuns.isEmpty() ? new Run(rings.isEmpty() ? new int[FIRST_RING] : rings.pop()) : spareRuns.poll();
      current.add(slot);
      runs.add(current);
    }
    size++;
  }

  /** Takes the slot that started first (of those that started together, the one that came first). */
  int pollOldest() {
    Run oldest = runs.poll();
    int slot = oldest.poll();
    if (!oldest.isEmpty()) {
      runs.add(oldest);
    } else if (oldest != current) {
      spareRuns.add(oldest);
    }
    size--;
    return slot;
  }

  private int compareHeads(Run a, Run b) {
    int slotA = a.first();
    int slotB = b.first();
    return starts[slotA] != starts[slotB]
        ? Long.compare(starts[slotA], starts[slotB])
        : Long.compare(arrivals[slotA], arrivals[slotB]);
  }

  /** A queue of slots in start order, in a ring that grows as needed. */
  private static final class Run {

    private int[] slots;
    private int head;
    private int size;

    Run(int[] ring) {
      slots = ring;
    }

    boolean isEmpty() {
      return size == 0;
    }

    void add(int slot) {
      if (size == slots.length) {
        int[] larger = new int[slots.length * 2];
        for (int i = 0; i < size; i++) {
          larger[i] = slots[(head + i) & (slots.length - 1)];
        }
        slots = larger;
        head = 0;
      }
      slots[(head + size++) & (slots.length - 1)] = slot;
    }

    int first() {
      return slots[head];
    }

    int last() {
      return slots[(head + size - 1) & (slots.length - 1)];
    }

    int poll() {
      int slot = slots[head];
      head = (head + 1) & (slots.length - 1);
      size--;
      return slot;
    }
  }
}
