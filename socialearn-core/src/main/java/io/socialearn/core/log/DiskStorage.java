package io.socialearn.core.log;

import io.socialearn.api.event.EventLogException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@link Storage} on a real directory, locked against a second opener (in this or another
 * process) by an OS file lock on its {@value #LOCK_FILE} file. Thread-safe.
 */
final class DiskStorage implements Storage {
  /** The lock file's name; it holds nothing and may be left behind. */
  static final String LOCK_FILE = "LOCK";

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private DiskStorage(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Creates the directory if needed and takes its lock.
   *
   * @throws EventLogException if the directory cannot be created or read, or is locked
   */
  static DiskStorage open(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new EventLogException("cannot open the event log in " + dir
          + ": it exists but is not a directory");
    }
    try {
      AtomicFiles.createDirectories(dir);
    } catch (IOException e) {
      throw new EventLogException("cannot create the event log directory " + dir + ": " + e, e);
    }
    Path lockPath = dir.resolve(LOCK_FILE);
    FileChannel channel;
    try {
      channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new EventLogException("cannot open the event log's lock file " + lockPath + ": " + e,
          e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new EventLogException("the event log in " + dir
          + " is already open in this JVM; close it before opening it again", e);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new EventLogException("cannot lock the event log's lock file " + lockPath + ": " + e,
          e);
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new EventLogException("the event log in " + dir
          + " is in use by another process (it holds the lock on " + lockPath + ")");
    }
    return new DiskStorage(dir, channel, lock);
  }

  @Override
  public List<String> list() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(file -> names.add(file.getFileName().toString()));
    }
    return names;
  }

  @Override
  public FileChannel openWrite(String name) throws IOException {
    return FileChannel.open(dir.resolve(name), StandardOpenOption.CREATE,
        StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  @Override
  public FileChannel openRead(String name) throws IOException {
    return FileChannel.open(dir.resolve(name), StandardOpenOption.READ);
  }

  @Override
  public void syncDirectory() throws IOException {
    AtomicFiles.syncDirectory(dir);
  }

  @Override
  public String describe(String name) {
    return dir.resolve(name).toString();
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      lockChannel.close();
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Already failing; the first error is the one worth reporting.
    }
  }
}
