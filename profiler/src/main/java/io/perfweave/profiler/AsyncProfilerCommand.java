package io.perfweave.profiler;

import java.nio.file.Path;

/** The async-profiler start command for a config: one JFR file, quiet logging. */
final class AsyncProfilerCommand {

  // one sample per 512 KB allocated and per 10 ms of lock contention: cheap enough for production
  private static final String ALLOC_INTERVAL = "512k";
  private static final String LOCK_INTERVAL = "10ms";

  /** async-profiler's JFR options: no system info (the JVM's command line), no system properties. */
  private static final int NO_ENVIRONMENT = 0x1 | 0x2;

  private final AsyncProfilerConfig config;
  private final Path file;
  private final boolean recordEnvironment;

  AsyncProfilerCommand(AsyncProfilerConfig config, Path file, boolean recordEnvironment) {
    this.config = config;
    this.file = file;
    this.recordEnvironment = recordEnvironment;
  }

  boolean samplesCpu() {
    return config.events().contains("cpu");
  }

  /** The command with {@code cpuEvent} (cpu, ctimer, or none) as the CPU sampling event. */
  String start(String cpuEvent) {
    long intervalNanos = config.interval().toNanos();
    StringBuilder command = new StringBuilder("start,jfr,loglevel=error,file=").append(file);
    if (!recordEnvironment) {
      // secrets live in the command line and system properties
      command.append(",jfropts=").append(NO_ENVIRONMENT);
    }
    if (!cpuEvent.equals("none")) {
      command.append(",event=").append(cpuEvent).append(",interval=").append(intervalNanos);
    }
    if (config.events().contains("wall")) {
      command.append(cpuEvent.equals("none") ? ",event=wall,interval=" : ",wall=").append(intervalNanos);
    }
    if (config.events().contains("alloc")) {
      command.append(",alloc=").append(ALLOC_INTERVAL);
    }
    if (config.events().contains("lock")) {
      command.append(",lock=").append(LOCK_INTERVAL);
    }
    return command.toString();
  }
}
