package io.socialearn.core.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * The directory a {@link FileEventLog} keeps its segment files in: the seam through which tests
 * swap the disk for a simulated one that fails or crashes on purpose.
 *
 * <p>An instance holds the directory's exclusive lock from creation until {@link #close()}.
 * Implementations must be thread-safe.
 */
interface Storage extends Closeable {

  /** The names of the files in the directory, in no particular order. */
  List<String> list() throws IOException;

  /** Opens a file for reading and writing, creating it empty if it does not exist. */
  FileChannel openWrite(String name) throws IOException;

  /** Opens an existing file for reading only. */
  FileChannel openRead(String name) throws IOException;

  /** Makes the directory's entries (created or deleted files) durable. */
  void syncDirectory() throws IOException;

  /** Where a file lives, for messages: its full path. */
  String describe(String name);

  /** Releases the directory's lock. */
  @Override
  void close() throws IOException;
}
