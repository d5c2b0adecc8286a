package io.perfweave.profiler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a JFR file on disk is whole: every chunk starts with JFR's magic and ends within the
 * file. A disk that filled up, or an I/O error, leaves a file cut short; saying "recording
 * written" of it would be false.
 */
final class RecordingCheck {

  private static final int HEADER = 16;
  private static final int MAGIC = 0x464c5200; // "FLR\0"

  private RecordingCheck() {}

  /** What is wrong with {@code file} as a recording, in words, or null when it is whole. */
  static String problem(Path file) {
    try {
      if (!Files.exists(file)) {
        return "the file was not written";
      }
      long size = Files.size(file);
      if (size == 0) {
        return "the file is empty";
      }
      try (FileChannel channel = FileChannel.open(file)) {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        for (long at = 0; at < size; ) {
          header.clear();
          if (size - at < HEADER || channel.read(header, at) < HEADER) {
            return "cut short at byte " + at + " of " + size;
          }
          long chunkSize = header.getLong(8);
          if (header.getInt(0) != MAGIC || chunkSize < HEADER || at + chunkSize > size) {
            return "cut short at byte " + at + " of " + size;
          }
          at += chunkSize;
        }
      }
      return null;
    } catch (IOException e) {
      return "it cannot be read back (" + e.getMessage() + ")";
    }
  }
}
