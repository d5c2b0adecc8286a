package com.example.portfolio;

import java.lang.management.ManagementFactory;

/** CPU time of this JVM (all its threads, not the node's JVM), where the platform reports it. */
final class ProcessCpu {

  private ProcessCpu() {}

  static long nanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime()
        : 0;
  }
}
