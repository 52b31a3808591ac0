package io.socialearn.core.log;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.event.EventLogException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
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
 * <p>File format, version 1: the 8 ASCII bytes {@code SLSNAP01}, the sequence (8 bytes), the
 * length of the data (4 bytes), the CRC32C of the data (4 bytes), then the data. Thread-safe:
 * saves and loads are serialised on a private lock. A directory should have one store at a time.
 */
public final class SnapshotStore {
  private static final Logger log = LoggerFactory.getLogger(SnapshotStore.class);
  private static final byte[] MAGIC = "SLSNAP01".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int HEADER = MAGIC.length + 8 + 4 + 4;
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
      Files.createDirectories(directory);
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
    if (sequence < 0) {
      throw new InvalidInputException("sequence", "nonNegative",
          "sequence must be at least 0, was " + sequence);
    }
    Objects.requireNonNull(data, "data");
    ByteBuffer file = ByteBuffer.allocate(HEADER + data.length);
    file.put(MAGIC).putLong(sequence).putInt(data.length).putInt(crc(data)).put(data);
    Path target = directory.resolve(String.format(Locale.ROOT, "snapshot-%020d.snap", sequence));
    synchronized (lock) {
      try {
        AtomicFiles.write(target, file.array());
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

  /**
   * Loads the newest valid snapshot, skipping damaged ones with a WARN.
   *
   * @return the snapshot, or empty when there is none valid (replay the whole log)
   * @throws EventLogException if the directory cannot be listed
   */
  public Optional<Snapshot> loadNewest() {
    synchronized (lock) {
      for (Path file : snapshotsNewestFirst()) {
        Optional<Snapshot> loaded = load(file);
        if (loaded.isPresent()) {
          return loaded;
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

  private Optional<Snapshot> load(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      log.warn("snapshot {} cannot be read, trying an older one: {}", file, e.toString());
      return Optional.empty();
    }
    String problem = problem(bytes, sequenceOf(file));
    if (problem != null) {
      log.warn("snapshot {} is damaged ({}), trying an older one", file, problem);
      return Optional.empty();
    }
    return Optional.of(new Snapshot(sequenceOf(file), Arrays.copyOfRange(bytes, HEADER,
        bytes.length)));
  }

  private static String problem(byte[] bytes, long expectedSequence) {
    if (bytes.length < HEADER) {
      return "shorter than its header";
    }
    if (!Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return "not a version 1 snapshot";
    }
    ByteBuffer header = ByteBuffer.wrap(bytes);
    long sequence = header.getLong(MAGIC.length);
    int length = header.getInt(MAGIC.length + 8);
    int crc = header.getInt(MAGIC.length + 12);
    if (sequence != expectedSequence) {
      return "holds sequence " + sequence + " under the name of " + expectedSequence;
    }
    if (length != bytes.length - HEADER) {
      return "says " + length + " bytes of data but has " + (bytes.length - HEADER);
    }
    if (crc != crc(Arrays.copyOfRange(bytes, HEADER, bytes.length))) {
      return "checksum mismatch";
    }
    return null;
  }

  private static int crc(byte[] data) {
    CRC32C crc = new CRC32C();
    crc.update(data);
    return (int) crc.getValue();
  }

  private static long sequenceOf(Path file) {
    Matcher matcher = NAME.matcher(file.getFileName().toString());
    return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1;
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
