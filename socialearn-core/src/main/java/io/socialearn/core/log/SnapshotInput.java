package io.socialearn.core.log;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * A snapshot's data as the reader sees it: a buffered, unsynchronized stream over one region of
 * the snapshot's file (a {@link java.io.DataInputStream} over it reads an int as four single-byte
 * calls), checksummed as it is read, that can hand its rest out as a read-only mapped buffer for a
 * section parsed from a buffer without copying it to the heap. Not thread-safe: one reader reads
 * it once, from the start.
 */
public final class SnapshotInput extends InputStream {
  private final FileChannel channel;
  private final long end;
  private final ByteBuffer buffer;
  private final byte[] bytes;
  private final CRC32C crc = new CRC32C();
  /** The file offset just past the bytes read into the buffer so far. */
  private long filled;
  private boolean mapped;

  SnapshotInput(FileChannel channel, long start, long length, int bufferSize) {
    this.channel = channel;
    this.filled = start;
    this.end = start + length;
    this.bytes = new byte[bufferSize];
    this.buffer = ByteBuffer.wrap(bytes);
    this.buffer.limit(0);
  }

  @Override
  public int read() throws IOException {
    if (!buffer.hasRemaining() && !fill()) {
      return -1;
    }
    return buffer.get() & 0xff;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!buffer.hasRemaining() && !fill()) {
      return -1;
    }
    int n = Math.min(length, buffer.remaining());
    buffer.get(into, offset, n);
    return n;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, remaining());
  }

  /**
   * How many bytes of the data are left to read.
   *
   * @return the count
   */
  public long remaining() {
    return mapped ? 0 : buffer.remaining() + (end - filled);
  }

  /**
   * The next {@code length} bytes as a read-only buffer mapped from the file rather than copied,
   * and the end of this stream: they are checksummed here, and nothing may be read after them.
   *
   * @param length how many bytes to hand out: all that is left
   * @return the bytes, positioned at 0
   * @throws IOException if {@code length} is not what is left, or the file cannot be mapped
   */
  public ByteBuffer mapRest(long length) throws IOException {
    if (length != remaining()) {
      throw new IOException("cannot map " + length + " bytes of the " + remaining() + " left");
    }
    ByteBuffer rest = map(length);
    mapped = true;
    return rest;
  }

  /**
   * The next {@code length} bytes as a read-only buffer mapped from the file rather than copied
   * (what the stream had buffered of them is mapped again), checksummed here; the stream goes on
   * after them.
   *
   * @param length how many bytes to hand out, at most what is left and below 2 GiB
   * @return the bytes, positioned at 0
   * @throws IOException if {@code length} is negative, more than is left or too large for one
   *     buffer, or the file cannot be mapped
   */
  public ByteBuffer map(long length) throws IOException {
    if (length < 0 || length > remaining() || length > Integer.MAX_VALUE - 8) {
      throw new IOException("cannot map " + length + " bytes of the " + remaining() + " left");
    }
    long start = filled - buffer.remaining();
    ByteBuffer region = channel.map(FileChannel.MapMode.READ_ONLY, start, length);
    int buffered = buffer.remaining();
    if (length <= buffered) {
      buffer.position(buffer.position() + (int) length);
    } else {
      crc.update(region.slice(buffered, (int) (length - buffered)));
      buffer.position(buffer.limit());
      filled = start + length;
    }
    return region;
  }

  /**
   * The last {@code length} bytes of the data, read without moving the stream: they are
   * checksummed when the stream gets to them.
   *
   * @param length how many bytes, at most what is left
   * @return a copy of them, positioned at 0
   * @throws IOException if fewer are left, or the file cannot be read
   */
  public ByteBuffer tail(int length) throws IOException {
    if (length < 0 || length > remaining()) {
      throw new IOException("cannot read the last " + length + " bytes of the " + remaining()
          + " left");
    }
    ByteBuffer last = ByteBuffer.allocate(length);
    while (last.hasRemaining()) {
      if (channel.read(last, end - length + last.position()) < 0) {
        throw new EOFException("snapshot file ends before its data does");
      }
    }
    return last.flip();
  }

  /** Reads the next chunk of the region into the buffer; false at its end. */
  private boolean fill() throws IOException {
    if (filled >= end || mapped) {
      return false;
    }
    buffer.clear();
    buffer.limit((int) Math.min(bytes.length, end - filled));
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, filled + buffer.position());
      if (n < 0) {
        throw new EOFException("snapshot file ends before its data does");
      }
    }
    buffer.flip();
    crc.update(bytes, 0, buffer.limit());
    filled += buffer.limit();
    return true;
  }

  /** Reads what the reader left, so that the checksum covers the whole region. */
  void drain() throws IOException {
    buffer.position(buffer.limit());
    while (fill()) {
      buffer.position(buffer.limit());
    }
  }

  /** The CRC32C of everything read, once drained. */
  int checksum() {
    return (int) crc.getValue();
  }
}
