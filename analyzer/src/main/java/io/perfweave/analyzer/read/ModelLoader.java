package io.perfweave.analyzer.read;

import io.perfweave.analyzer.model.JvmRun;
import io.perfweave.analyzer.model.Model;
import io.perfweave.analyzer.model.RunFacts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads recordings into one {@link Model}, files in parallel: the events (sites, GC, locks,
 * exceptions), chunk by chunk, and beside them the samples, counted by stack and attributed to
 * the sites once the events have named them. When async-profiler recordings are among the inputs
 * their CPU and allocation samples are used and the JDK's are not, so that one run is not counted
 * twice.
 */
public final class ModelLoader {

  private ModelLoader() {}

  /** The model and the problems met on the way (one line each, naming the file). */
  public record Loaded(Model model, List<String> problems) {}

  public static Loaded load(List<Path> inputs, PrintStream progress) throws BadInputException {
    List<InputFiles.Checked> checked = InputFiles.expand(inputs);
    List<String> problems = new ArrayList<>();
    List<Path> usable = new ArrayList<>();
    for (InputFiles.Checked file : checked) {
      if (file.usable()) {
        usable.add(file.path());
      } else {
        problems.add(file.path() + ": " + file.problem());
      }
    }
    if (usable.isEmpty()) {
      throw new BadInputException(String.join("; ", problems));
    }
    JitDirectives.addOnce(usable.stream().mapToLong(ModelLoader::size).sum());
    Model model;
    try (Progress ticker = Progress.start(progress, usable)) {
      model = read(usable, problems);
    }
    // a file left out is part of the input: the report says it was skipped, and why
    for (InputFiles.Checked file : checked) {
      if (!file.usable()) {
        model.run().addFile(
            new RunFacts.InputFile(file.path().toString(), size(file.path()), "skipped", true, file.problem()));
      }
    }
    return new Loaded(model, problems);
  }

  private static Model read(List<Path> files, List<String> problems) throws BadInputException {
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      Map<Path, String> kinds = new java.util.LinkedHashMap<>(); // in the inputs' order
      files.forEach(file -> kinds.put(file, kindOf(file)));
      List<Path> sampleFiles = sampleSource(kinds);
      // the samples are counted while the events are read: by the positional reader with each
      // chunk's calls (its constant pools read once for both), else in a pass of their own beside
      // the events; only their attribution needs the sites
      Map<Path, SampleReader> samplesByChunk = new HashMap<>();
      Map<Path, Future<Collected>> collecting = new HashMap<>();
      for (Path file : sampleFiles) {
        if (RpcCallFastReader.ENABLED) {
          samplesByChunk.put(file, new SampleReader());
        } else {
          collecting.put(file, pool.submit(() -> collectSamples(file)));
        }
      }
      List<FileResult> events = new ArrayList<>();
      for (Path file : files) {
        events.add(readEventsByChunk(pool, file, kinds.get(file), samplesByChunk.get(file)));
      }
      Model model = byJvm(events);
      model.run().sampleSource(kinds.get(sampleFiles.get(0)));
      Map<String, String> siteByTarget = siteByTarget(model);
      List<FileResult> samples = new ArrayList<>();
      for (Path file : sampleFiles) {
        Collected collected = samplesByChunk.containsKey(file)
            ? new Collected(file, samplesByChunk.get(file), "")
            : join(collecting.get(file));
        samples.add(resolveSamples(collected, siteByTarget));
      }
      samples.forEach(r -> model.merge(r.model));
      for (FileResult result : events) {
        String problem = result.problem;
        for (FileResult sample : samples) {
          if (sample.file.equals(result.file) && problem.isEmpty()) {
            problem = sample.problem;
          }
        }
        model.run().addFile(new RunFacts.InputFile(
            result.file.toString(), size(result.file), result.kind, !problem.isEmpty(), problem));
        if (!problem.isEmpty()) {
          problems.add(result.file + ": " + problem);
        }
      }
      model.sites().values().forEach(io.perfweave.analyzer.model.SiteModel::finish);
      return model;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The files' models merged JVM by JVM (a JVM's files as independent recordings, as before), then
   * the JVMs into one model, each with its row of the per-JVM breakdown.
   */
  private static Model byJvm(List<FileResult> events) {
    Map<Path, FileResult> byPath = new HashMap<>();
    List<JvmGroups.File> files = new ArrayList<>();
    for (FileResult result : events) {
      byPath.put(result.file, result);
      files.add(new JvmGroups.File(result.file, result.model.run()));
    }
    Model fleet = new Model();
    for (JvmGroups.Group group : JvmGroups.of(files)) {
      Model jvm = new Model();
      group.files().forEach(path -> jvm.merge(byPath.get(path).model));
      List<String> names = group.files().stream().map(Path::toString).toList();
      fleet.mergeJvm(jvm, JvmRun.of(group.fallbackName(), names, jvm));
    }
    return fleet;
  }

  private static final class FileResult {
    final Path file;
    final Model model;
    final String kind;
    final String problem;

    FileResult(Path file, Model model, String kind, String problem) {
      this.file = file;
      this.model = model;
      this.kind = kind;
      this.problem = problem;
    }
  }

  /**
   * Reads one recording's events: its calls chunk by chunk in parallel, the chunk models appended
   * in order so that key repeats and runs continue across chunk boundaries, and with them the
   * chunks' samples where {@code samples} is given; beside them, its other events in one pass over
   * the whole file.
   */
  private static FileResult readEventsByChunk(ExecutorService pool, Path file, String kind, SampleReader samples)
      throws BadInputException {
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory("perfweave-chunks-");
      try (Chunks.Split chunks = Chunks.split(file, scratch)) {
        Future<FileResult> others = pool.submit(() -> readOthers(file, kind));
        FileResult calls = readInOrder(pool, file, kind, chunks, samples);
        FileResult rest = join(others);
        calls.model.append(rest.model);
        return new FileResult(file, calls.model, kind, calls.problem.isEmpty() ? rest.problem : calls.problem);
      }
    } catch (IOException e) {
      FileResult events = readEvents(file, kind);
      String problem = samples == null ? "" : collectInto(samples, file);
      return problem.isEmpty() || !events.problem.isEmpty()
          ? events
          : new FileResult(file, events.model, kind, problem);
    } finally {
      deleteQuietly(scratch);
    }
  }

  /**
   * The chunks read in a window in flight, appended in order as they finish: memory stays that
   * of a few chunk models, whatever the recording's length.
   */
  private static FileResult readInOrder(
      ExecutorService pool, Path file, String kind, Chunks.Split chunks, SampleReader samples)
      throws BadInputException {
    int window = Runtime.getRuntime().availableProcessors() + 1;
    java.util.ArrayDeque<Future<FileResult>> inFlight = new java.util.ArrayDeque<>();
    Model model = new Model();
    String problem = "";
    for (int next = 0; next < chunks.count() || !inFlight.isEmpty(); ) {
      if (next < chunks.count() && inFlight.size() < window) {
        int chunk = next++;
        // a site's log full with the chunks before is not filled again by this one
        java.util.Set<String> fullCallLogs = model.sitesWithFullCallLogs();
        inFlight.add(pool.submit(() -> readChunk(file, chunks, chunk, kind, fullCallLogs, samples)));
        continue;
      }
      FileResult part = join(inFlight.poll());
      model.append(part.model);
      problem = problem.isEmpty() ? part.problem : problem;
    }
    return new FileResult(file, model, kind, problem);
  }

  /** Reads one chunk's calls, and its samples where {@code samples} is given. */
  private static FileResult readChunk(
      Path file, Chunks.Split chunks, int index, String kind, java.util.Set<String> fullCallLogs,
      SampleReader samples) {
    try (Chunks.Chunk chunk = chunks.chunk(index)) {
      return read(file, kind, fullCallLogs, model -> EventReader.readCalls(chunk, model, samples));
    }
  }

  private static void deleteQuietly(Path directory) {
    if (directory == null) {
      return;
    }
    try (java.util.stream.Stream<Path> files = Files.list(directory)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      directory.toFile().deleteOnExit();
    }
  }

  /** async-profiler or jfr, from the recording's metadata (read once per file, not per chunk). */
  private static String kindOf(Path file) {
    try {
      return SampleReader.isAsyncProfiler(file) ? "async-profiler" : "jfr";
    } catch (IOException | RuntimeException e) {
      return "jfr";
    }
  }

  /** All of a recording's events in one piece, where it could not be split. */
  private static FileResult readEvents(Path file, String kind) {
    return read(file, kind, java.util.Set.of(), model -> EventReader.read(file, model));
  }

  private static FileResult readOthers(Path file, String kind) {
    return read(file, kind, java.util.Set.of(), model -> EventReader.readOthers(file, model));
  }

  /** What one of {@link EventReader}'s passes reads into a model of its own. */
  private interface Pass {
    void read(Model model) throws IOException;
  }

  private static FileResult read(Path file, String kind, java.util.Set<String> fullCallLogs, Pass pass) {
    Model model = new Model();
    model.callLogsFullFor(fullCallLogs);
    try {
      pass.read(model);
      model.sites().values().forEach(io.perfweave.analyzer.model.SiteModel::finish);
      return new FileResult(file, model, kind, "");
    } catch (IOException | RuntimeException e) {
      return new FileResult(file, model, kind, truncation(e));
    }
  }

  /** A file's samples counted by stack, and why not all of them could be read (or empty). */
  private record Collected(Path file, SampleReader samples, String problem) {}

  private static Collected collectSamples(Path file) {
    SampleReader samples = new SampleReader();
    return new Collected(file, samples, collectInto(samples, file));
  }

  /** Reads a whole recording's samples into {@code samples}; what went wrong, or empty. */
  private static String collectInto(SampleReader samples, Path file) {
    try (one.jfr.JfrReader reader = new one.jfr.JfrReader(file.toString())) {
      samples.add(reader);
      return "";
    } catch (IOException | RuntimeException e) {
      return truncation(e);
    }
  }

  /** A file's samples attributed to the sites, with what was read of them where the file broke off. */
  private static FileResult resolveSamples(Collected collected, Map<String, String> siteByTarget) {
    Model model = new Model();
    try {
      boolean complete = collected.samples().resolveInto(model, siteByTarget);
      String problem = !collected.problem().isEmpty() ? collected.problem()
          : complete ? "" : "truncated: read up to where it ends";
      return new FileResult(collected.file(), model, "", problem);
    } catch (RuntimeException e) {
      return new FileResult(collected.file(), model, "", truncation(e));
    }
  }

  /** The files whose samples are used: async-profiler's where there are any, else the JDK's. */
  private static List<Path> sampleSource(Map<Path, String> kinds) {
    List<Path> async = new ArrayList<>();
    List<Path> jfr = new ArrayList<>();
    kinds.forEach((file, kind) -> (kind.equals("async-profiler") ? async : jfr).add(file));
    return async.isEmpty() ? jfr : async;
  }

  private static Map<String, String> siteByTarget(Model model) {
    Map<String, String> byTarget = new HashMap<>();
    model.sites().forEach(
        (name, site) ->
            site.targets().top(Integer.MAX_VALUE).keySet().forEach(t -> byTarget.put(t.replace('#', '.'), name)));
    return byTarget;
  }

  private static String truncation(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return "truncated or damaged (" + message + "): read up to where it breaks";
  }

  private static <T> T join(Future<T> future) throws BadInputException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BadInputException("interrupted while reading");
    } catch (ExecutionException e) {
      throw new BadInputException("cannot read: " + e.getCause());
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
