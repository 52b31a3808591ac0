package io.socialearn.core.internal;

import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A {@link DataOutput} that writes big-endian values into a buffer of its own and hands the sink
 * whole buffers, counting every byte written: the bytes are those a {@link
 * java.io.DataOutputStream} writes. A snapshot of ten million votes is close to a gigabyte of
 * ints and longs; a {@code DataOutputStream} passes each of their bytes through the sink's
 * {@code write(int)} (and, in Java 17, through every stream layered under it), which made writing
 * one take tens of seconds. Not thread-safe.
 */
public final class BinaryOutput extends OutputStream implements DataOutput {
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final OutputStream sink;
  private final byte[] buffer;
  private int used;
  /** Bytes handed to the sink so far. */
  private long flushed;

  /**
   * Writes to {@code sink} in pieces of {@code bufferSize} bytes.
   *
   * @param sink where the bytes go; flushed by {@link #flush}, never closed
   * @param bufferSize at least 16 bytes
   */
  public BinaryOutput(OutputStream sink, int bufferSize) {
    this.sink = Objects.requireNonNull(sink, "sink");
    if (bufferSize < 16) {
      throw new IllegalArgumentException("a buffer of at least 16 bytes, was " + bufferSize);
    }
    this.buffer = new byte[bufferSize];
  }

  /** How many bytes were written, handed on or not. */
  public long count() {
    return flushed + used;
  }

  private void room(int bytes) throws IOException {
    if (buffer.length - used < bytes) {
      drain();
    }
  }

  private void drain() throws IOException {
    if (used > 0) {
      sink.write(buffer, 0, used);
      flushed += used;
      used = 0;
    }
  }

  /** Hands what is buffered to the sink and flushes the sink. */
  @Override
  public void flush() throws IOException {
    drain();
    sink.flush();
  }

  /** Flushes; the sink stays open. */
  @Override
  public void close() throws IOException {
    flush();
  }

  @Override
  public void write(int b) throws IOException {
    room(1);
    buffer[used++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    write(bytes, 0, bytes.length);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length > buffer.length - used) {
      drain();
      if (length > buffer.length) {
        sink.write(bytes, offset, length);
        flushed += length;
        return;
      }
    }
    System.arraycopy(bytes, offset, buffer, used, length);
    used += length;
  }

  @Override
  public void writeBoolean(boolean v) throws IOException {
    write(v ? 1 : 0);
  }

  @Override
  public void writeByte(int v) throws IOException {
    write(v);
  }

  @Override
  public void writeShort(int v) throws IOException {
    room(2);
    SHORT.set(buffer, used, (short) v);
    used += 2;
  }

  @Override
  public void writeChar(int v) throws IOException {
    writeShort(v);
  }

  @Override
  public void writeInt(int v) throws IOException {
    room(4);
    INT.set(buffer, used, v);
    used += 4;
  }

  @Override
  public void writeLong(long v) throws IOException {
    room(8);
    LONG.set(buffer, used, v);
    used += 8;
  }

  @Override
  public void writeFloat(float v) throws IOException {
    writeInt(Float.floatToIntBits(v));
  }

  @Override
  public void writeDouble(double v) throws IOException {
    writeLong(Double.doubleToLongBits(v));
  }

  @Override
  public void writeBytes(String s) throws IOException {
    for (int i = 0; i < s.length(); i++) {
      write(s.charAt(i));
    }
  }

  @Override
  public void writeChars(String s) throws IOException {
    for (int i = 0; i < s.length(); i++) {
      writeChar(s.charAt(i));
    }
  }

  /** As {@link java.io.DataOutputStream#writeUTF}: two bytes of length, then modified UTF-8. */
  @Override
  public void writeUTF(String s) throws IOException {
    new DataOutputStream(this).writeUTF(s);
  }
}
