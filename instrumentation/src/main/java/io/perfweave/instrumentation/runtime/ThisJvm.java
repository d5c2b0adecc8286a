package io.perfweave.instrumentation.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Which JVM this is, for the recording (a fleet's recordings are told apart by it): process id,
 * host name and start time. Read when first needed, on perfweave's statistics thread, never on
 * the application's start-up path; the host name as the kernel holds it, with no DNS lookup (which
 * {@code InetAddress.getLocalHost} may make) and no environment variable.
 */
final class ThisJvm {

  static final long PID = ProcessHandle.current().pid();
  static final String HOST = hostName();
  static final long START_MILLIS =
      ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(0L);

  private ThisJvm() {}

  private static String hostName() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII).trim();
    } catch (IOException | RuntimeException notLinux) {
      return "";
    }
  }
}
