package io.perfweave.analyzer.read;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a recording into its chunks, each a complete JFR file of its own (header, metadata,
 * constant pools), so that one large recording is read by all cores. A recording of one chunk is
 * used as it is; a last chunk cut short is kept as a file of its own, to be read as far as it
 * goes.
 */
final class Chunks {

  private static final int HEADER_BYTES = 16;

  private Chunks() {}

  /** The chunks of {@code recording}, each written under {@code scratch} when it is asked for, if more than one. */
  static Split split(Path recording, Path scratch) throws IOException {
    return new Split(recording, scratch, bounds(recording));
  }

  /**
   * A recording's chunks, each copied to a file of its own when asked for, so that the copying
   * is spread over the threads that read them instead of done before any reading starts.
   */
  static final class Split implements Closeable {

    private final Path recording;
    private final Path scratch;
    private final List<long[]> bounds;
    private final FileChannel in;

    private Split(Path recording, Path scratch, List<long[]> bounds) throws IOException {
      this.recording = recording;
      this.scratch = scratch;
      this.bounds = bounds;
      this.in = FileChannel.open(recording, StandardOpenOption.READ);
    }

    int count() {
      return bounds.size();
    }

    /** The {@code index}-th chunk as a file (the recording itself where it is one chunk); any thread may ask. */
    Path file(int index) throws IOException {
      if (bounds.size() <= 1) {
        return recording;
      }
      long[] chunk = bounds.get(index);
      Path part = Files.createTempFile(scratch, "chunk-" + index + "-", ".jfr");
      try (FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE)) {
        long copied = 0;
        while (copied < chunk[1]) {
          // a positional transfer: the channel's own position is not used, so threads may share it
          copied += in.transferTo(chunk[0] + copied, chunk[1] - copied, out);
        }
      }
      return part;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Whether the file is at most one chunk (what {@link #split} hands out, but for a recording it could not split). */
  static boolean single(Path file) throws IOException {
    return bounds(file).size() <= 1;
  }

  /** {start, length} of each chunk, from the size each chunk header states. */
  private static List<long[]> bounds(Path recording) throws IOException {
    List<long[]> bounds = new ArrayList<>();
    try (FileChannel in = FileChannel.open(recording, StandardOpenOption.READ)) {
      long size = in.size();
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
      for (long position = 0; position < size; ) {
        header.clear();
        if (in.read(header, position) < HEADER_BYTES || header.getInt(0) != 0x464c5200) {
          bounds.add(new long[] {position, size - position});
          break;
        }
        long length = header.getLong(8);
        if (length <= HEADER_BYTES || position + length > size) {
          bounds.add(new long[] {position, size - position});
          break;
        }
        bounds.add(new long[] {position, length});
        position += length;
      }
    }
    return bounds;
  }
}
