package io.perfweave.analyzer.read;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One chunk's bytes in memory, read as JFR writes them: integers as LEB128 varints (JDK 14 on
 * compresses every chunk's integers), floats big-endian. The events start after the chunk's
 * 68-byte header; each is its size, its type id, then its fields.
 */
final class ChunkBytes {

  static final int HEADER_SIZE = 68;
  private static final int SIZE_OFFSET = 8;

  // one buffer per reading thread, grown to the largest chunk it has read: a chunk is read once
  private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocate(0));

  private final ByteBuffer buffer;

  private ChunkBytes(ByteBuffer buffer) {
    this.buffer = buffer;
  }

  /** The chunk file's bytes, in this thread's buffer: valid until the thread reads the next chunk. */
  static ChunkBytes read(Path chunk) throws IOException {
    try (FileChannel channel = FileChannel.open(chunk, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size > Integer.MAX_VALUE) {
        throw new IOException("a chunk of " + size + " bytes");
      }
      ByteBuffer buffer = BUFFERS.get();
      if (buffer.capacity() < size) {
        buffer = ByteBuffer.allocate((int) size);
        BUFFERS.set(buffer);
      }
      buffer.clear().limit((int) size);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          throw new EOFException("the chunk ends at " + buffer.position() + " of " + size + " bytes");
        }
      }
      return new ChunkBytes(buffer.flip());
    }
  }

  /** A view of the same bytes from the start, for a reader of its own (its position apart). */
  ByteBuffer view() {
    return buffer.duplicate().position(0);
  }

  /** Where the events end: the chunk's size from its header, or the bytes there are where it was cut short. */
  int eventsEnd() {
    return buffer.limit() < HEADER_SIZE ? 0 : (int) Math.min(buffer.limit(), buffer.getLong(SIZE_OFFSET));
  }

  /** Whether the header's size is more than the bytes there are: a chunk cut short. */
  boolean truncated() {
    return buffer.limit() < HEADER_SIZE || buffer.getLong(SIZE_OFFSET) > buffer.limit();
  }

  int position() {
    return buffer.position();
  }

  void position(int position) {
    buffer.position(position);
  }

  byte getByte() {
    return buffer.get();
  }

  int getVarint() {
    return (int) getVarlong();
  }

  long getVarlong() {
    long result = 0;
    for (int shift = 0; shift < 56; shift += 7) {
      byte b = buffer.get();
      result |= (b & 0x7fL) << shift;
      if (b >= 0) {
        return result;
      }
    }
    // the ninth byte is all value
    return result | (buffer.get() & 0xffL) << 56;
  }

  float getFloat() {
    return buffer.getFloat();
  }

  double getDouble() {
    return buffer.getDouble();
  }
}
