package io.perfweave.analyzer.plan;

import io.perfweave.analyzer.model.CallLog;
import io.perfweave.analyzer.model.SiteModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The what-if replay: the application's recorded calls, thread by thread, through planned policies
 * ({@link SiteReplay} runs each site's). A call that the plan makes shorter or longer moves the
 * same thread's later calls by as much, as a caller that waits less calls again sooner; time the
 * thread spent between calls takes that shift up, as a thread waiting on a timer starts at its time
 * anyway. So a closed loop (calls back to back) is compressed, and a thread on a schedule is not.
 * Calls start in the order of their shifted times, across threads.
 *
 * <p>What it cannot know: work between calls that is not waiting (it is taken as waiting, so a
 * closed loop with much work between calls is predicted less compressed than it will be);
 * failures that come in bursts (retries then fail more often than the independent draw says).
 */
public final class Replay {

  private final Map<String, SiteReplay> sites = new LinkedHashMap<>();

  private Replay(Collection<SiteModel> models, Map<String, SitePlan> plans) {
    for (SiteModel site : models) {
      sites.put(site.name(), new SiteReplay(site, plans.getOrDefault(site.name(), SitePlan.NONE)));
    }
  }

  /** {@code site}'s calls alone through {@code plan}. */
  public static Prediction of(SiteModel site, SitePlan plan) {
    return of(List.of(site), Map.of(site.name(), plan)).get(site.name());
  }

  /** The calls of {@code sites} together, each site through its plan (none where not planned). */
  public static Map<String, Prediction> of(Collection<SiteModel> sites, Map<String, SitePlan> plans) {
    Replay replay = new Replay(sites, plans);
    replay.run();
    Map<String, Prediction> predictions = new LinkedHashMap<>();
    replay.sites.forEach((name, site) -> predictions.put(name, site.prediction()));
    return predictions;
  }

  private void run() {
    List<SiteReplay> replays = new ArrayList<>(sites.values());
    PriorityQueue<Caller> next = new PriorityQueue<>();
    for (long[] calls : callsByThread(replays).values()) {
      Caller caller = new Caller(calls, replays);
      next.add(caller);
    }
    while (!next.isEmpty()) {
      Caller caller = next.poll();
      caller.replayNext();
      if (caller.hasNext()) {
        next.add(caller);
      }
    }
  }

  /**
   * Each thread's calls as (site index, call index) pairs packed in a long, by recorded start;
   * calls that started at once in site order, then in their log's. Each site's log is walked in
   * start order, so a thread's calls are runs of ordered calls, one per site, merged here: no call
   * is boxed.
   */
  private static Map<Long, long[]> callsByThread(List<SiteReplay> replays) {
    Map<Long, ThreadCalls> byThread = new HashMap<>();
    for (int s = 0; s < replays.size(); s++) {
      CallLog log = replays.get(s).log();
      long lastThread = 0;
      ThreadCalls last = null;
      for (int call : log.byStart()) {
        long thread = log.caller(call);
        if (last == null || thread != lastThread) {
          last = byThread.computeIfAbsent(thread, t -> new ThreadCalls());
          lastThread = thread;
        }
        last.add(s, ((long) s << 32) | call);
      }
    }
    Map<Long, long[]> sorted = new HashMap<>();
    byThread.forEach((thread, calls) -> sorted.put(thread, calls.byStart(replays)));
    return sorted;
  }

  /** One thread's packed calls as they are added: a run in start order per site. */
  private static final class ThreadCalls {
    private long[] calls = new long[16];
    private int size;
    private final List<Integer> runStarts = new ArrayList<>();
    private int lastSite = -1;

    void add(int site, long packed) {
      if (site != lastSite) {
        runStarts.add(size);
        lastSite = site;
      }
      if (size == calls.length) {
        calls = Arrays.copyOf(calls, size * 2);
      }
      calls[size++] = packed;
    }

    /** The runs merged by start; on a tie the earlier run's call first. */
    long[] byStart(List<SiteReplay> replays) {
      long[] merged = Arrays.copyOf(calls, size);
      for (int run = 1; run < runStarts.size(); run++) {
        int end = run + 1 < runStarts.size() ? runStarts.get(run + 1) : size;
        merged = mergeRuns(merged, runStarts.get(run), end, replays);
      }
      return merged;
    }

    /** [0, middle) and [middle, end) of {@code calls}, each in start order, merged into one. */
    private static long[] mergeRuns(long[] calls, int middle, int end, List<SiteReplay> replays) {
      long[] merged = calls.clone();
      int left = 0;
      int right = middle;
      for (int i = 0; i < end; i++) {
        boolean takeLeft =
            right >= end || (left < middle && start(replays, calls[left]) <= start(replays, calls[right]));
        merged[i] = takeLeft ? calls[left++] : calls[right++];
      }
      return merged;
    }
  }

  private static long start(List<SiteReplay> replays, long packed) {
    return replays.get((int) (packed >>> 32)).log().start((int) packed);
  }

  /** One thread: its calls in order, and how far the plan has moved them. */
  private static final class Caller implements Comparable<Caller> {
    private final long[] calls;
    private final List<SiteReplay> replays;
    private int position;
    private long shift;

    Caller(long[] calls, List<SiteReplay> replays) {
      this.calls = calls;
      this.replays = replays;
    }

    boolean hasNext() {
      return position < calls.length;
    }

    private SiteReplay site(int index) {
      return replays.get((int) (calls[index] >>> 32));
    }

    private int call(int index) {
      return (int) calls[index];
    }

    /** When the next call starts with the plan. */
    long nextStart() {
      return site(position).log().start(call(position)) - shift;
    }

    void replayNext() {
      SiteReplay site = site(position);
      CallLog log = site.log();
      int call = call(position);
      long latency = site.call(call, nextStart());
      long recordedEnd = log.start(call) + log.duration(call);
      position++;
      if (!hasNext()) {
        return;
      }
      long gap = site(position).log().start(call(position)) - recordedEnd;
      if (gap < 0) {
        return; // the next call did not wait for this one: it does not move it
      }
      long moved = shift + log.duration(call) - latency;
      shift = Long.signum(moved) * Math.max(0, Math.abs(moved) - gap);
    }

    @Override
    public int compareTo(Caller other) {
      return Long.compare(nextStart(), other.nextStart());
    }
  }
}
