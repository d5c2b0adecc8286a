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
  private static final int METADATA_OFFSET = 24;

  // one buffer per reading thread, grown to the largest chunk it has read: a chunk is read once
  private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocate(0));

  private final ByteBuffer buffer;
  // the events are read from the array itself: no bounds check of the buffer's per byte
  private final byte[] bytes;
  private final int limit;
  private int position;

  private ChunkBytes(ByteBuffer buffer) {
    this.buffer = buffer;
    this.bytes = buffer.array();
    this.limit = buffer.limit();
  }

  /** A chunk file's bytes (see {@link #read(FileChannel, long, long)}). */
  static ChunkBytes read(Path chunk) throws IOException {
    try (FileChannel channel = FileChannel.open(chunk, StandardOpenOption.READ)) {
      return read(channel, 0, channel.size());
    }
  }

  /**
   * The {@code length} bytes at {@code start} of a recording, in this thread's buffer: valid until
   * the thread reads the next chunk. Positional reads: threads may share the channel.
   */
  static ChunkBytes read(FileChannel channel, long start, long length) throws IOException {
    if (length > Integer.MAX_VALUE - 8) {
      throw new IOException("a chunk of " + length + " bytes");
    }
    ByteBuffer buffer = BUFFERS.get();
    if (buffer.capacity() < length) {
      // with room to spare: a recording's chunks differ in size by a little, and a buffer made
      // for each slightly larger one was most of what reading them allocated
      buffer = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, length + length / 4));
      BUFFERS.set(buffer);
    }
    buffer.clear().limit((int) length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, start + buffer.position()) < 0) {
        throw new EOFException("the chunk ends at " + buffer.position() + " of " + length + " bytes");
      }
    }
    return new ChunkBytes(buffer.flip());
  }

  /** A view of the same bytes from the start, for a reader of its own (its position apart). */
  ByteBuffer view() {
    return ByteBuffer.wrap(bytes, 0, limit);
  }

  /** Where the events end: the chunk's size from its header, or the bytes there are where it was cut short. */
  int eventsEnd() {
    return limit < HEADER_SIZE ? 0 : (int) Math.min(limit, buffer.getLong(SIZE_OFFSET));
  }

  /** Whether the header's size is more than the bytes there are: a chunk cut short. */
  boolean truncated() {
    return limit < HEADER_SIZE || buffer.getLong(SIZE_OFFSET) > limit;
  }

  /**
   * The chunk's metadata event from its id on (past its size, type and times, which differ from
   * chunk to chunk): equal bytes, equal event types and fields. Null where the header does not
   * point at one.
   */
  byte[] metadataBody() {
    long offset = limit < HEADER_SIZE ? -1 : buffer.getLong(METADATA_OFFSET);
    if (offset < HEADER_SIZE || offset >= limit) {
      return null;
    }
    int saved = position;
    try {
      position = (int) offset;
      long end = offset + getVarint();
      getVarlong(); // type: metadata
      getVarlong(); // start
      getVarlong(); // duration
      return end > limit || end < position ? null : java.util.Arrays.copyOfRange(bytes, position, (int) end);
    } catch (java.nio.BufferUnderflowException e) {
      return null;
    } finally {
      position = saved;
    }
  }

  int position() {
    return position;
  }

  void position(int position) {
    this.position = position;
  }

  /** The next byte; past the chunk's bytes, an exception as a buffer's. */
  byte getByte() {
    if (position >= limit) {
      throw new java.nio.BufferUnderflowException();
    }
    return bytes[position++];
  }

  int getVarint() {
    return (int) getVarlong();
  }

  long getVarlong() {
    long result = 0;
    for (int shift = 0; shift < 56; shift += 7) {
      byte b = getByte();
      result |= (b & 0x7fL) << shift;
      if (b >= 0) {
        return result;
      }
    }
    // the ninth byte is all value
    return result | (getByte() & 0xffL) << 56;
  }

  float getFloat() {
    return Float.intBitsToFloat(getInt());
  }

  double getDouble() {
    return Double.longBitsToDouble((long) getInt() << 32 | getInt() & 0xffffffffL);
  }

  private int getInt() {
    return (getByte() & 0xff) << 24 | (getByte() & 0xff) << 16 | (getByte() & 0xff) << 8 | getByte() & 0xff;
  }

  /** Whether the next bytes are these; if so, reads past them. */
  boolean skipIfNext(byte[] expected, int length) {
    if (length > limit - position || !java.util.Arrays.equals(bytes, position, position + length, expected, 0, length)) {
      return false;
    }
    position += length;
    return true;
  }

  /** Copies the bytes from {@code from} to where it stands into {@code into}, returning it or a larger one. */
  byte[] copySince(int from, byte[] into) {
    int length = position - from;
    byte[] copy = into.length >= length ? into : new byte[Math.max(length, into.length * 2)];
    System.arraycopy(bytes, from, copy, 0, length);
    return copy;
  }
}
