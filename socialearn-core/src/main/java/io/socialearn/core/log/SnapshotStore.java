package io.socialearn.core.log;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.event.EventLogException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps snapshots of projections in a directory: opaque bytes tagged with the log sequence they
 * cover, each written atomically and durably ({@link AtomicFiles}) and checksummed, so that
 * start-up can load the newest valid one and replay only the log after it.
 *
 * <p>A damaged snapshot (cut short, a flipped bit, a wrong header) is skipped with a WARN naming
 * the file, and the next older one is tried; when none is valid, {@link #loadNewest()} is empty
 * and the caller replays the whole log. The newest {@code keep} snapshots are kept; older ones are
 * deleted after each save.
 *
 * <p>Snapshots are streamed both ways, so that one larger than the heap can spare (or than an
 * array can hold) is never held whole: {@link #prepare} writes the data straight into a
 * temporary file, checksumming it on the way, and {@link Prepared#commit()} makes it durable and
 * visible (so a caller can write under its lock and commit outside it); {@link #loadNewest(long,
 * Reader)} hands a reader the data as a checksumming stream and only accepts what it read once
 * the checksum matches. The byte-array forms ({@link #save}, {@link #loadNewest()}) are built on
 * them.
 *
 * <p>File format, version 2: the 8 ASCII bytes {@code SLSNAP02}, the sequence (8 bytes), the
 * length of the data (8 bytes), the CRC32C of the data (4 bytes), then the data. Version 1 files
 * ({@code SLSNAP01}, the length in 4 bytes) are still read. Thread-safe: saves, commits and loads
 * are serialised on a private lock. A directory should have one store at a time.
 */
public final class SnapshotStore {
  private static final Logger log = LoggerFactory.getLogger(SnapshotStore.class);
  private static final byte[] MAGIC_V1 = "SLSNAP01".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MAGIC = "SLSNAP02".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER_V1 = MAGIC.length + 8 + 4 + 4;
  private static final int HEADER = MAGIC.length + 8 + 8 + 4;
  private static final int BUFFER = 1 << 16;
  private static final Pattern NAME = Pattern.compile("snapshot-(\\d{20})\\.snap");

  private final Path directory;
  private final int keep;
  private final Object lock = new Object();

  /**
   * A snapshot: the data and the last log sequence it covers.
   *
   * @param sequence the last sequence folded into the data; replay starts after it
   * @param data the bytes as saved (a defensive copy)
   */
  public record Snapshot(long sequence, byte[] data) {
    /** Copies the data. */
    public Snapshot {
      data = Objects.requireNonNull(data, "data").clone();
    }

    /** A copy of the data. */
    @Override
    public byte[] data() {
      return data.clone();
    }

    /** Equal when the sequence and the bytes are. */
    @Override
    public boolean equals(Object other) {
      return other instanceof Snapshot that && sequence == that.sequence
          && Arrays.equals(data, that.data);
    }

    /** Consistent with {@link #equals}. */
    @Override
    public int hashCode() {
      return Long.hashCode(sequence) * 31 + Arrays.hashCode(data);
    }

    /** The sequence and the size, not the bytes. */
    @Override
    public String toString() {
      return "Snapshot[sequence=" + sequence + ", " + data.length + " bytes]";
    }
  }

  private SnapshotStore(Path directory, int keep) {
    this.directory = directory;
    this.keep = keep;
  }

  /**
   * Opens the store in {@code directory}, creating it if needed.
   *
   * @param directory where snapshots live; not the event log's own directory
   * @param keep how many of the newest snapshots to keep, at least 1 (2 or 3 leave a fallback)
   * @return the store
   * @throws InvalidInputException if {@code keep} is below 1
   * @throws EventLogException if the directory cannot be created
   */
  public static SnapshotStore open(Path directory, int keep) {
    Objects.requireNonNull(directory, "directory");
    if (keep < 1) {
      throw new InvalidInputException("keep", "positive", "keep must be at least 1, was " + keep);
    }
    try {
      AtomicFiles.createDirectories(directory);
    } catch (IOException e) {
      throw new EventLogException("cannot create the snapshot directory " + directory + ": " + e,
          e);
    }
    return new SnapshotStore(directory, keep);
  }

  /**
   * Saves a snapshot atomically and durably, then deletes all but the newest {@code keep}.
   *
   * @param sequence the last log sequence the data covers, at least 0
   * @param data the snapshot's bytes
   * @throws InvalidInputException if {@code sequence} is negative
   * @throws EventLogException if the snapshot cannot be written; older snapshots are untouched
   */
  public void save(long sequence, byte[] data) {
    Objects.requireNonNull(data, "data");
    try (Prepared prepared = prepare(sequence, out -> out.write(data))) {
      prepared.commit();
    }
  }

  /** Writes a snapshot's data to a stream; the stream is not to be closed. */
  @FunctionalInterface
  public interface Writer {
    /**
     * Writes the data.
     *
     * @param out where to write it: buffered, so single-byte writes are cheap
     * @throws IOException if writing fails
     */
    void write(OutputStream out) throws IOException;
  }

  /**
   * Writes a snapshot into a temporary file, checksummed, not yet forced nor visible to {@link
   * #loadNewest}: {@link Prepared#commit()} does that, {@link Prepared#close()} without a commit
   * deletes it.
   *
   * @param sequence the last log sequence the data covers, at least 0
   * @param writer writes the data
   * @return the prepared snapshot
   * @throws InvalidInputException if {@code sequence} is negative
   * @throws EventLogException if the file cannot be written (nothing is left behind then)
   */
  public Prepared prepare(long sequence, Writer writer) {
    if (sequence < 0) {
      throw new InvalidInputException("sequence", "nonNegative",
          "sequence must be at least 0, was " + sequence);
    }
    Objects.requireNonNull(writer, "writer");
    Path target = directory.resolve(String.format(Locale.ROOT, "snapshot-%020d.snap", sequence));
    AtomicFiles.Staged staged = null;
    try {
      staged = AtomicFiles.stage(target);
      FileChannel channel = staged.channel();
      SnapshotOutput out = new SnapshotOutput(channel, HEADER, BUFFER);
      writer.write(out);
      out.flush();
      ByteBuffer header = ByteBuffer.allocate(HEADER);
      header.put(MAGIC).putLong(sequence).putLong(out.length()).putInt(out.checksum()).flip();
      while (header.hasRemaining()) {
        channel.write(header, header.position());
      }
      Prepared prepared = new Prepared(target, staged);
      staged = null;
      return prepared;
    } catch (IOException e) {
      throw new EventLogException("cannot write the snapshot " + target + ": " + e, e);
    } finally {
      closeQuietly(staged);
    }
  }

  /**
   * A snapshot written to a temporary file, waiting to be committed. Not thread-safe: one thread
   * commits or closes it.
   */
  public final class Prepared implements AutoCloseable {
    private final Path target;
    private final AtomicFiles.Staged staged;

    private Prepared(Path target, AtomicFiles.Staged staged) {
      this.target = target;
      this.staged = staged;
    }

    /**
     * Forces the snapshot to disk and makes it the store's newest of its sequence, atomically
     * and durably, then deletes all but the newest {@code keep}.
     *
     * @throws EventLogException if it cannot be; older snapshots are untouched
     */
    public void commit() {
      synchronized (lock) {
        try {
          staged.commit();
        } catch (IOException e) {
          throw new EventLogException("cannot write the snapshot " + target + ": " + e, e);
        }
        List<Path> all = snapshotsNewestFirst();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
          try {
            Files.deleteIfExists(old);
          } catch (IOException e) {
            log.warn("cannot delete the old snapshot {}", old, e);
          }
        }
      }
    }

    /** Deletes the temporary file unless the snapshot was committed. */
    @Override
    public void close() {
      closeQuietly(staged);
    }
  }

  private static void closeQuietly(AtomicFiles.Staged staged) {
    if (staged == null) {
      return;
    }
    try {
      staged.close();
    } catch (IOException e) {
      log.warn("cannot delete an unfinished snapshot: {}", e.toString());
    }
  }

  /**
   * Loads the newest valid snapshot, skipping damaged ones with a WARN.
   *
   * @return the snapshot, or empty when there is none valid (replay the whole log)
   * @throws EventLogException if the directory cannot be listed
   */
  public Optional<Snapshot> loadNewest() {
    return loadNewest(Long.MAX_VALUE, (sequence, in) -> new Snapshot(sequence,
        in.readAllBytes()));
  }

  /** Reads a snapshot's data. */
  @FunctionalInterface
  public interface Reader<T> {
    /**
     * Reads the data; what it returns is used only if the data's checksum then matches.
     *
     * @param sequence the last log sequence the snapshot covers
     * @param in the data, to be read from the start; what is left unread is checksummed after
     * @return what the data holds
     * @throws IOException if the data is not readable; an older snapshot is tried then
     */
    T read(long sequence, SnapshotInput in) throws IOException;
  }

  /**
   * Reads the newest valid snapshot that covers at most {@code upTo}, streaming: the reader reads
   * it from the file, and what it returns is kept only if the data is whole and its checksum
   * matches. A damaged snapshot, or one the reader cannot read, is skipped with a WARN and the
   * next older one tried. When the newest snapshot covers more than {@code upTo} (its log lost
   * a tail), none is read.
   *
   * @param upTo the last sequence a usable snapshot may cover (the log's last sequence)
   * @param reader reads the data
   * @param <T> what the reader makes of it
   * @return the reader's result and the snapshot's sequence, or empty (replay the whole log)
   * @throws EventLogException if the directory cannot be listed
   */
  public <T> Optional<T> loadNewest(long upTo, Reader<T> reader) {
    synchronized (lock) {
      for (Path file : snapshotsNewestFirst()) {
        long sequence = sequenceOf(file);
        if (sequence > upTo) {
          log.warn("snapshot {} is ahead of the log at {}; replaying the whole log", file, upTo);
          return Optional.empty();
        }
        try {
          Optional<T> loaded = load(file, sequence, reader);
          if (loaded.isPresent()) {
            return loaded;
          }
        } catch (NoSuchFileException e) {
          continue;
        } catch (IOException | RuntimeException e) {
          log.warn("snapshot {} cannot be read ({}), trying an older one", file, e.toString());
        }
      }
      return Optional.empty();
    }
  }

  /**
   * The sequences of the snapshot files present, newest first, without checking them.
   *
   * @return the sequences
   */
  public List<Long> sequences() {
    synchronized (lock) {
      List<Long> sequences = new ArrayList<>();
      for (Path file : snapshotsNewestFirst()) {
        sequences.add(sequenceOf(file));
      }
      return sequences;
    }
  }

  private <T> Optional<T> load(Path file, long sequence, Reader<T> reader) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer header = ByteBuffer.allocate(HEADER);
      while (header.hasRemaining() && channel.read(header, header.position()) >= 0) {
        // reads until the header is full or the file ends
      }
      header.flip();
      long size = channel.size();
      String problem = problem(header, size, sequence);
      if (problem != null) {
        log.warn("snapshot {} is damaged ({}), trying an older one", file, problem);
        return Optional.empty();
      }
      int headerLength = isVersion1(header) ? HEADER_V1 : HEADER;
      long length = size - headerLength;
      int crc = isVersion1(header) ? header.getInt(MAGIC.length + 12)
          : header.getInt(MAGIC.length + 16);
      SnapshotInput in = new SnapshotInput(channel, headerLength, length, BUFFER);
      T read = reader.read(sequence, in);
      in.drain();
      if (in.checksum() != crc) {
        log.warn("snapshot {} is damaged (checksum mismatch), trying an older one", file);
        return Optional.empty();
      }
      return Optional.of(read);
    }
  }

  private static boolean isVersion1(ByteBuffer header) {
    return header.limit() >= HEADER_V1
        && header.slice(0, MAGIC_V1.length).equals(ByteBuffer.wrap(MAGIC_V1));
  }

  /** What is wrong with a snapshot's header given the file's size, or null. */
  private static String problem(ByteBuffer header, long size, long expectedSequence) {
    boolean version1 = isVersion1(header);
    if (!version1 && (header.limit() < HEADER
        || !header.slice(0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC)))) {
      return size < HEADER ? "shorter than its header" : "not a version 1 or 2 snapshot";
    }
    long sequence = header.getLong(MAGIC.length);
    long length = version1 ? header.getInt(MAGIC.length + 8) : header.getLong(MAGIC.length + 8);
    long data = size - (version1 ? HEADER_V1 : HEADER);
    if (sequence != expectedSequence) {
      return "holds sequence " + sequence + " under the name of " + expectedSequence;
    }
    if (length != data) {
      return "says " + length + " bytes of data but has " + data;
    }
    return null;
  }

  /** The sequence a snapshot file's name holds, or -1 if it is not a snapshot's name. */
  private static long sequenceOf(Path file) {
    return Segment.numberIn(NAME, file.getFileName().toString());
  }

  private List<Path> snapshotsNewestFirst() {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> sequenceOf(file) >= 0)
          .sorted(Comparator.comparingLong(SnapshotStore::sequenceOf).reversed())
          .toList();
    } catch (IOException e) {
      throw new EventLogException("cannot list the snapshot directory " + directory + ": " + e,
          e);
    }
  }
}
