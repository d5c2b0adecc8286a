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
 * Splits a recording into its chunks, each complete in itself (header, metadata, constant pools),
 * so that one large recording is read by all cores. A last chunk cut short is kept as a chunk of
 * its own, to be read as far as it goes.
 */
final class Chunks {

  private static final int HEADER_BYTES = 16;

  private Chunks() {}

  /** The chunks of {@code recording}; a chunk's file, if one is asked for, is written under {@code scratch}. */
  static Split split(Path recording, Path scratch) throws IOException {
    return new Split(recording, scratch, bounds(recording));
  }

  /** A recording read as one piece, where it could not be split (its calls are read positionally only if it is one chunk). */
  static Chunk whole(Path recording) throws IOException {
    return new Chunk(recording, null, null, 0, Files.size(recording), single(recording));
  }

  /** A recording's chunks, read from it where they stand by any thread. */
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

    /** The {@code index}-th chunk; a recording of one chunk is its own file. */
    Chunk chunk(int index) {
      long[] chunk = bounds.get(index);
      return new Chunk(recording, in, bounds.size() <= 1 ? null : scratch, chunk[0], chunk[1], true);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /**
   * One chunk of a recording (or a recording that could not be split): its bytes read from the
   * recording where they stand, and copied to a file of its own only for a reader that needs one
   * (the JDK's consumer API, where the positional reader cannot read it), the copy deleted at
   * {@link #close}.
   */
  static final class Chunk implements Closeable {

    private final Path recording;
    private final FileChannel shared;
    private final Path scratch;
    private final long start;
    private final long length;
    private final boolean single;
    private Path copy;

    /**
     * @param shared the split's channel, read positionally by any thread; null: opened for the read
     * @param scratch where a copy goes; null: the recording is the chunk's file
     */
    private Chunk(Path recording, FileChannel shared, Path scratch, long start, long length, boolean single) {
      this.recording = recording;
      this.shared = shared;
      this.scratch = scratch;
      this.start = start;
      this.length = length;
      this.single = single;
    }

    /** Whether this is one chunk (a recording that could not be split may be more). */
    boolean single() {
      return single;
    }

    /** The chunk's bytes, in this thread's buffer (see {@link ChunkBytes#read}). */
    ChunkBytes bytes() throws IOException {
      if (shared != null) {
        return ChunkBytes.read(shared, start, length);
      }
      try (FileChannel in = FileChannel.open(recording, StandardOpenOption.READ)) {
        return ChunkBytes.read(in, start, length);
      }
    }

    /** The chunk as a complete JFR file of its own. */
    Path file() throws IOException {
      if (scratch == null) {
        return recording;
      }
      if (copy == null) {
        copy = Files.createTempFile(scratch, "chunk-", ".jfr");
        try (FileChannel in = FileChannel.open(recording, StandardOpenOption.READ);
            FileChannel out = FileChannel.open(copy, StandardOpenOption.WRITE)) {
          for (long copied = 0; copied < length; ) {
            copied += in.transferTo(start + copied, length - copied, out);
          }
        }
      }
      return copy;
    }

    @Override
    public void close() {
      if (copy != null) {
        // the scratch directory goes at the end anyway
        copy.toFile().delete();
      }
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
