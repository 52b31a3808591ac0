package io.socialearn.core.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SimulatedStorage} whose faults a test switches on and off at a chosen moment, for
 * files already open too: writes that fail, a directory sync that fails, and a force that blocks
 * until the test lets it go (to hold a group's leader inside its force). Thread-safe.
 */
final class ControlledStorage implements Storage {
  private final SimulatedStorage disk;
  private volatile boolean failWrites;
  private volatile boolean failDirectorySync;
  private volatile CountDownLatch forceEntered;
  private volatile CountDownLatch forceRelease;

  ControlledStorage(SimulatedStorage disk) {
    this.disk = disk;
  }

  /** Makes every write to every file fail with an I/O error, or work again. */
  void failWrites(boolean fail) {
    this.failWrites = fail;
  }

  /** Makes every directory sync fail with an I/O error, or work again. */
  void failDirectorySync(boolean fail) {
    this.failDirectorySync = fail;
  }

  /**
   * Makes the next force block until {@link #releaseForce()}; returns a latch counted down once
   * that force has started.
   */
  CountDownLatch holdNextForce() {
    forceRelease = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    forceEntered = entered;
    return entered;
  }

  /** Lets the held force run. */
  void releaseForce() {
    forceRelease.countDown();
  }

  @Override
  public List<String> list() throws IOException {
    return disk.list();
  }

  @Override
  public FileChannel openWrite(String name) throws IOException {
    return new Channel(disk.openWrite(name));
  }

  @Override
  public FileChannel openRead(String name) throws IOException {
    return new Channel(disk.openRead(name));
  }

  @Override
  public void syncDirectory() throws IOException {
    if (failDirectorySync) {
      throw new IOException("Input/output error (directory sync)");
    }
    disk.syncDirectory();
  }

  @Override
  public String describe(String name) {
    return disk.describe(name);
  }

  @Override
  public void close() {
    disk.close();
  }

  private void beforeForce() throws IOException {
    CountDownLatch entered = forceEntered;
    if (entered == null) {
      return;
    }
    forceEntered = null;
    entered.countDown();
    try {
      if (!forceRelease.await(10, TimeUnit.SECONDS)) {
        throw new IOException("the held force was never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while held", e);
    }
  }

  /** A channel through which the switched faults act. */
  private final class Channel extends FileChannel {
    private final FileChannel inner;

    Channel(FileChannel inner) {
      this.inner = inner;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return inner.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      return inner.read(dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      checkWrite();
      return inner.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      checkWrite();
      return inner.write(srcs, offset, length);
    }

    @Override
    public long position() throws IOException {
      return inner.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      inner.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return inner.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      inner.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      beforeForce();
      if (!isOpen()) {
        throw new java.nio.channels.ClosedChannelException();
      }
      inner.force(metaData);
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
      return inner.read(dst, at);
    }

    @Override
    public int write(ByteBuffer src, long at) throws IOException {
      checkWrite();
      return inner.write(src, at);
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
    protected void implCloseChannel() throws IOException {
      inner.close();
    }

    private void checkWrite() throws IOException {
      if (failWrites) {
        throw new IOException("Input/output error");
      }
    }
  }
}
