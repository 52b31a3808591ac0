package io.socialearn.core.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

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
   * @throws IOException if any step fails; the target then still holds its old content (a
   *     temporary file named after it with the suffix {@code .tmp} may be left behind, and is
   *     overwritten by the next write)
   */
  public static void write(Path target, byte[] content) throws IOException {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(content, "content");
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path temp = dir.resolve(absolute.getFileName() + TEMP_SUFFIX);
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    try {
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    syncDirectory(dir);
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
