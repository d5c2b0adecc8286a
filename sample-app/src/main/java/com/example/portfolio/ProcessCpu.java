package com.example.portfolio;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this JVM (all its threads, not the node's JVM), where the platform reports it, and
 * the time its JIT compilers spent, which is part of it.
 */
final class ProcessCpu {

  private ProcessCpu() {}

  static long nanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime()
        : 0;
  }

  /** The JIT compilers' accumulated time in milliseconds (the JVM's own account), or 0. */
  static long jitMillis() {
    java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
  }
}
