package io.socialearn.core.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces files atomically and durably: after a crash a reader finds either the old content or
 * the new, never a mix, and once {@link #write} returns the new content survives a power loss.
 *
 * <p>The recipe is the classic one: write a temporary file in the same directory, force it,
 * rename it over the target (atomic on POSIX file systems), then force the directory so that the
 * rename itself is durable. Directory forcing relies on POSIX semantics (Linux, macOS).
 * Thread-safe: it holds no state; two threads writing the same target race, and one of the two
 * complete contents wins.
 */
public final class AtomicFiles {
  private static final String TEMP_SUFFIX = ".tmp";

  private AtomicFiles() {}

  /**
   * Atomically replaces (or creates) {@code target} with {@code content}, durably.
   *
   * @param target the file to write; its directory must exist
   * @param content the complete new content
   * @throws IOException if any step fails, as {@link Staged#commit()} says (a temporary file
   *     named after the target with the suffix {@code .tmp} may be left behind, which {@link
   *     #isTemporary} recognises)
   */
  public static void write(Path target, byte[] content) throws IOException {
    Objects.requireNonNull(content, "content");
    try (Staged staged = stage(target)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        staged.channel().write(buffer);
      }
      staged.commit();
    }
  }

  /**
   * Starts replacing {@code target} through a temporary file the caller writes through {@link
   * Staged#channel()}, so that content too large for one array can be streamed; {@link
   * Staged#commit()} then forces, renames and forces the directory as {@link #write} does.
   * Writing and committing may happen at different times (a caller may write under a lock and
   * commit after releasing it); closing without committing deletes the temporary file.
   *
   * @param target the file to replace; its directory must exist
   * @return the staged replacement, open for writing at offset 0
   * @throws IOException if the temporary file cannot be created
   */
  public static Staged stage(Path target) throws IOException {
    Objects.requireNonNull(target, "target");
    Path absolute = target.toAbsolutePath();
    // A temporary file of its own: two replacements of one target sharing one would write into
    // each other's file, and the rename could publish a mix of both.
    while (true) {
      Path temp = absolute.getParent().resolve(absolute.getFileName() + "."
          + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + TEMP_SUFFIX);
      try {
        return new Staged(absolute, temp, FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE));
      } catch (FileAlreadyExistsException taken) {
        // Another replacement's name: draw again.
      }
    }
  }

  /**
   * A replacement being written: a temporary file next to its target. Not thread-safe: one
   * thread writes it, then one commits or closes it.
   */
  public static final class Staged implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private boolean done;

    private Staged(Path target, Path temp, FileChannel channel) {
      this.target = target;
      this.temp = temp;
      this.channel = channel;
    }

    /**
     * The temporary file's channel, for writing the complete content.
     *
     * @return the channel, open until {@link #commit()} or {@link #close()}
     */
    public FileChannel channel() {
      return channel;
    }

    /**
     * Makes the content the target's, durably: forces the temporary file, renames it over the
     * target and forces the directory.
     *
     * @throws IOException if any step fails: before the rename, the target still holds its old
     *     content and the temporary file is deleted when it can be; if only forcing the
     *     directory after the rename fails, the target holds the new content, which a power loss
     *     may still take back to the old
     */
    public void commit() throws IOException {
      if (done) {
        throw new IllegalStateException("already committed or abandoned: " + target);
      }
      done = true;
      try {
        channel.force(true);
        channel.close();
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException | RuntimeException e) {
        channel.close();
        Files.deleteIfExists(temp);
        throw e;
      }
      syncDirectory(target.getParent());
    }

    /**
     * Abandons the replacement unless it was committed: the target keeps its old content and the
     * temporary file is deleted.
     *
     * @throws IOException if the temporary file cannot be closed or deleted
     */
    @Override
    public void close() throws IOException {
      if (done) {
        return;
      }
      done = true;
      try {
        channel.close();
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Whether {@code name} is the name of a temporary file {@link #write} leaves behind when it
   * fails midway; such files may be deleted.
   *
   * @param name a file name
   * @return true for names ending in {@code .tmp}
   */
  public static boolean isTemporary(String name) {
    return name.endsWith(TEMP_SUFFIX);
  }

  /**
   * Creates a directory and any missing parents, as {@link Files#createDirectories} does, then
   * forces the entry of each one it created to disk (in its parent), so that a power loss after
   * a file in it was made durable cannot lose the directory itself. An existing directory costs
   * a look-up and nothing more.
   *
   * @param dir the directory
   * @throws IOException if a directory cannot be created or forced
   */
  public static void createDirectories(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath();
    List<Path> missing = new ArrayList<>();
    for (Path p = absolute; p != null && !Files.isDirectory(p); p = p.getParent()) {
      missing.add(p);
    }
    Files.createDirectories(absolute);
    for (int i = missing.size() - 1; i >= 0; i--) {
      Path parent = missing.get(i).getParent();
      if (parent != null) {
        syncDirectory(parent);
      }
    }
  }

  /**
   * Forces a directory's entries to disk, so that files created, renamed or deleted in it stay
   * so after a power loss.
   *
   * @param dir an existing directory
   * @throws IOException if the directory cannot be opened or forced
   */
  public static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
