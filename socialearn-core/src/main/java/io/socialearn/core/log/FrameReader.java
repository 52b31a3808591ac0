package io.socialearn.core.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads frames one after another from a segment file through a buffer. Not thread-safe.
 *
 * <p>After {@link #next()} returns true, the frame sits at {@link #frameAt()} in {@link
 * #buffer()} until the next call. When it returns false, {@link #problem()} says why: null for a
 * clean end of file, else what is wrong with the frame at {@link #offset()}.
 */
final class FrameReader {
  private final FileChannel channel;
  /** Valid bytes are [0, limit). */
  private ByteBuffer buffer;
  /** The file offset of buffer index 0. */
  private long bufferStart;
  /** The index of the next frame, or of the current one while {@link #current} is set. */
  private int at;
  private boolean current;
  private boolean endOfFile;
  private String problem;

  FrameReader(FileChannel channel, long offset, int bufferSize) {
    this.channel = channel;
    this.buffer = ByteBuffer.allocate(bufferSize);
    this.buffer.limit(0);
    this.bufferStart = offset;
  }

  /** Moves to the next frame; false at the end of the file or at a bad frame. */
  boolean next() throws IOException {
    if (current) {
      at += RecordFormat.frameLength(buffer, at);
      current = false;
    }
    while (true) {
      int available = buffer.limit() - at;
      String found = RecordFormat.problem(buffer, at, available);
      if (found == null) {
        current = true;
        problem = null;
        return true;
      }
      boolean truncated = RecordFormat.TRUNCATED.equals(found);
      if (!truncated || endOfFile) {
        problem = truncated && available == 0 ? null : found;
        return false;
      }
      int needed = available >= RecordFormat.PREFIX
          ? RecordFormat.PREFIX + buffer.getInt(at) : RecordFormat.PREFIX;
      fill(needed);
    }
  }

  /** Reads more of the file so that at least {@code needed} bytes follow {@link #at}, if any. */
  private void fill(int needed) throws IOException {
    int available = buffer.limit() - at;
    if (needed > buffer.capacity()) {
      ByteBuffer bigger = ByteBuffer.allocate(Math.max(needed, buffer.capacity() * 2));
      bigger.put(buffer.duplicate().position(at));
      buffer = bigger;
    } else {
      buffer.position(at);
      buffer.compact();
    }
    bufferStart += at;
    at = 0;
    buffer.position(available);
    buffer.limit(buffer.capacity());
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, bufferStart + buffer.position());
      if (read < 0) {
        endOfFile = true;
        break;
      }
      if (read == 0) {
        break;
      }
    }
    buffer.limit(buffer.position());
    buffer.position(0);
  }

  /** The buffer holding the current frame. */
  ByteBuffer buffer() {
    return buffer;
  }

  /** The index of the current frame in {@link #buffer()}. */
  int frameAt() {
    return at;
  }

  /** The file offset of the current frame, or of the bad or missing one after a false. */
  long offset() {
    return bufferStart + at;
  }

  /** The file offset just past the current frame. */
  long endOffset() {
    return bufferStart + at + (current ? RecordFormat.frameLength(buffer, at) : 0);
  }

  /** Why {@link #next()} returned false: null at a clean end of file. */
  String problem() {
    return problem;
  }
}
