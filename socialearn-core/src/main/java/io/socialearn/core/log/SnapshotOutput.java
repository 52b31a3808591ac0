package io.socialearn.core.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * The stream a snapshot's data is written to: buffered, unsynchronized (a {@link
 * java.io.DataOutputStream} over it writes an int as four single-byte calls), and checksummed
 * as it goes, straight into the snapshot's file at a given offset. Not thread-safe.
 */
final class SnapshotOutput extends OutputStream {
  private final FileChannel channel;
  private final ByteBuffer buffer;
  private final byte[] bytes;
  private final CRC32C crc = new CRC32C();
  private long position;
  private long written;

  SnapshotOutput(FileChannel channel, long position, int bufferSize) {
    this.channel = channel;
    this.position = position;
    this.bytes = new byte[bufferSize];
    this.buffer = ByteBuffer.wrap(bytes);
  }

  @Override
  public void write(int b) throws IOException {
    if (!buffer.hasRemaining()) {
      flush();
    }
    buffer.put((byte) b);
  }

  @Override
  public void write(byte[] from, int offset, int length) throws IOException {
    if (length > buffer.remaining()) {
      flush();
      if (length > buffer.capacity()) {
        crc.update(from, offset, length);
        writeFully(ByteBuffer.wrap(from, offset, length));
        return;
      }
    }
    buffer.put(from, offset, length);
  }

  /** Writes out what is buffered (without forcing it to disk). */
  @Override
  public void flush() throws IOException {
    buffer.flip();
    crc.update(bytes, 0, buffer.limit());
    writeFully(buffer);
    buffer.clear();
  }

  private void writeFully(ByteBuffer from) throws IOException {
    int length = from.remaining();
    while (from.hasRemaining()) {
      position += channel.write(from, position);
    }
    written += length;
  }

  /** The bytes written so far, buffered ones included. */
  long length() {
    return written + buffer.position();
  }

  /** The CRC32C of everything written, once flushed. */
  int checksum() {
    return (int) crc.getValue();
  }
}
