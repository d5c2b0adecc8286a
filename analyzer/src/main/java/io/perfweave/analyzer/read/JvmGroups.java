package io.perfweave.analyzer.read;

import io.perfweave.analyzer.model.RunFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which recording files belong to which JVM: by what perfweave's agent recorded (host, process id,
 * start), else by the name perfweave gives its files ({@code <app>-<pid>-<timestamp>...}, shared
 * by a JVM's JDK recordings under rotation and its async-profiler file), else each file alone.
 * An async-profiler file has no agent event: it joins the JVM whose JDK recording has its name.
 */
final class JvmGroups {

  private static final Pattern PERFWEAVE_NAME = Pattern.compile("^(.+-\\d+)-\\d{8}-\\d{6}(?:-\\d+)?(?:-async)?\\.jfr$");

  private JvmGroups() {}

  /** One file's facts as read. */
  record File(Path path, RunFacts run) {}

  /** A JVM's files, and how it is named when its agent did not say. */
  record Group(String fallbackName, List<Path> files) {}

  /** The files of each JVM, in the order the files came. */
  static List<Group> of(List<File> files) {
    Map<String, String> groupByName = new HashMap<>();
    Map<String, List<Path>> groups = new LinkedHashMap<>();
    List<File> unidentified = new ArrayList<>();
    for (File file : files) {
      RunFacts run = file.run();
      if (run.pid() == 0) {
        unidentified.add(file);
        continue;
      }
      String identity = run.host() + "/" + run.pid() + "@" + run.jvmStartMillis();
      String name = nameOf(file.path());
      groups.computeIfAbsent(identity, k -> new ArrayList<>()).add(file.path());
      groupByName.putIfAbsent(name, identity);
    }
    for (File file : unidentified) {
      String name = nameOf(file.path());
      String identity = groupByName.computeIfAbsent(name, n -> n);
      groups.computeIfAbsent(identity, k -> new ArrayList<>()).add(file.path());
    }
    List<Group> result = new ArrayList<>();
    groups.forEach((identity, paths) -> result.add(new Group(nameOf(paths.get(0)), paths)));
    return result;
  }

  /** {@code <app>-<pid>} of a file perfweave named, else the file's path. */
  static String nameOf(Path file) {
    Matcher name = PERFWEAVE_NAME.matcher(file.getFileName().toString());
    return name.matches() ? name.group(1) : file.toString();
  }
}
