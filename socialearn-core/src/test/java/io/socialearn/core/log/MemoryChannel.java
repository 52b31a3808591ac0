package io.socialearn.core.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A {@link FileChannel} over a {@link SimulatedStorage} file: every call goes through the
 * storage, which may fail it or crash on it. Thread-safe through the storage's lock.
 */
final class MemoryChannel extends FileChannel {
  private final SimulatedStorage storage;
  private final SimulatedStorage.MemoryFile file;
  private final boolean writable;
  private long position;

  MemoryChannel(SimulatedStorage storage, SimulatedStorage.MemoryFile file, boolean writable) {
    this.storage = storage;
    this.file = file;
    this.writable = writable;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    int read = read(dst, position);
    if (read > 0) {
      position += read;
    }
    return read;
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
    long total = 0;
    for (int i = offset; i < offset + length; i++) {
      int read = read(dsts[i]);
      if (read < 0) {
        return total == 0 ? -1 : total;
      }
      total += read;
    }
    return total;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    int count = write(src, position);
    position += count;
    return count;
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
    long total = 0;
    for (int i = offset; i < offset + length; i++) {
      total += write(srcs[i]);
    }
    return total;
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public FileChannel position(long newPosition) {
    position = newPosition;
    return this;
  }

  @Override
  public long size() throws IOException {
    ensureOpen();
    return storage.size(file);
  }

  @Override
  public FileChannel truncate(long size) throws IOException {
    ensureOpen();
    ensureWritable();
    storage.truncate(file, size);
    return this;
  }

  @Override
  public void force(boolean metaData) throws IOException {
    storage.beforeForce();
    ensureOpen();
    storage.force(file);
  }

  @Override
  public long transferTo(long position, long count, WritableByteChannel target) {
    throw new UnsupportedOperationException("transferTo");
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long position, long count) {
    throw new UnsupportedOperationException("transferFrom");
  }

  @Override
  public int read(ByteBuffer dst, long at) throws IOException {
    ensureOpen();
    return storage.read(file, dst, at);
  }

  @Override
  public int write(ByteBuffer src, long at) throws IOException {
    ensureOpen();
    ensureWritable();
    return storage.write(file, src, at);
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long position, long size) {
    throw new UnsupportedOperationException("map");
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) {
    throw new UnsupportedOperationException("lock");
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) {
    throw new UnsupportedOperationException("tryLock");
  }

  @Override
  protected void implCloseChannel() {
    // Nothing to release: the file lives in the storage.
  }

  private void ensureOpen() throws IOException {
    if (!isOpen()) {
      throw new java.nio.channels.ClosedChannelException();
    }
  }

  private void ensureWritable() {
    if (!writable) {
      throw new java.nio.channels.NonWritableChannelException();
    }
  }
}
