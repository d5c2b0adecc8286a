package io.perfweave.analyzer.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunks read where they stand in the recording, and copied to a file only when one is asked for. */
class ChunksTest {

  @TempDir Path dir;

  @Test
  void aChunkOfAConcatenatedRecording_isItsOwnBytes_andItsFileACopyDeletedAtClose() throws Exception {
    // recordings put one after the other are one recording of their chunks (as `jfr assemble` makes)
    byte[] first = recording("first");
    byte[] second = recording("second");
    Path both = dir.resolve("both.jfr");
    Files.write(both, concat(first, second));
    Path scratch = Files.createDirectory(dir.resolve("scratch"));

    try (Chunks.Split split = Chunks.split(both, scratch)) {
      assertEquals(2, split.count());
      Path copy;
      try (Chunks.Chunk chunk = split.chunk(1)) {
        assertTrue(chunk.single());
        assertArrayEquals(second, bytesOf(chunk.bytes()));
        assertEquals(0, scratch.toFile().list().length, "nothing copied for the bytes");
        copy = chunk.file();
        assertNotEquals(both, copy);
        assertArrayEquals(second, Files.readAllBytes(copy));
      }
      assertFalse(Files.exists(copy), "the copy goes when the chunk is read");
    }
    assertFalse(Chunks.whole(both).single());
  }

  @Test
  void theChunkOfAOneChunkRecording_isTheRecordingItself() throws Exception {
    byte[] only = recording("only");
    Path file = dir.resolve("one.jfr");
    Files.write(file, only);
    try (Chunks.Split split = Chunks.split(file, dir)) {
      assertEquals(1, split.count());
      try (Chunks.Chunk chunk = split.chunk(0)) {
        assertArrayEquals(only, bytesOf(chunk.bytes()));
        assertEquals(file, chunk.file());
      }
    }
    assertTrue(Files.exists(file), "the recording is not a copy to delete");
  }

  private byte[] recording(String name) throws Exception {
    Path file = dir.resolve(name + ".jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.JVMInformation");
      recording.start();
      recording.stop();
      recording.dump(file);
    }
    return Files.readAllBytes(file);
  }

  private static byte[] bytesOf(ChunkBytes bytes) {
    ByteBuffer view = bytes.view();
    byte[] copy = new byte[view.remaining()];
    view.get(copy);
    return copy;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
