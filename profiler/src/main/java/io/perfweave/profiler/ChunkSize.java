package io.perfweave.profiler;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * JFR drops data a whole chunk at a time, and its chunks grow to 12 MB, so a small maxSize would
 * not bound the file. For maxSize under 96 MB this sets the JVM's chunk size to an eighth of it
 * (at least 1 MB) through the {@code JFR.configure} diagnostic command. That setting is global to
 * the JVM; it only makes other recordings' chunks smaller.
 */
final class ChunkSize {

  private static final long DEFAULT_CHUNK = 12L << 20;
  private static final long MIN_CHUNK = 1L << 20;

  private ChunkSize() {}

  static void fitTo(long maxSizeBytes) {
    if (maxSizeBytes >= 8 * DEFAULT_CHUNK) {
      return;
    }
    long chunk = Math.max(MIN_CHUNK, maxSizeBytes / 8);
    try {
      ManagementFactory.getPlatformMBeanServer()
          .invoke(
              new ObjectName("com.sun.management:type=DiagnosticCommand"),
              "jfrConfigure",
              new Object[] {new String[] {"maxchunksize=" + chunk}},
              new String[] {String[].class.getName()});
    } catch (JMException | RuntimeException e) {
      System.err.println(
          "perfweave: warning: could not shrink JFR chunks to " + chunk
              + " bytes; the recording may exceed maxSize by up to one 12 MB chunk: " + e);
    }
  }
}
