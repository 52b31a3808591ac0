package io.socialearn.core.log;

import io.socialearn.api.event.EventLogException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a log's segment files: checks every record of the last segment and of any other without
 * a seal that describes it ({@link Segment#unseal}; it is sealed once checked), truncates a torn
 * tail with a WARN naming the file and offset, and refuses corruption with an {@link
 * EventLogException}. Not thread-safe; used once by {@link FileEventLog} while it opens.
 *
 * <p>A torn tail is what a crash leaves: after the last complete batch of the last segment, bytes
 * that do not form complete valid records. Anything else is corruption: a bad record in an older
 * segment, a gap between segments, or a bad record in the last segment that a later valid record
 * proves had been forced to disk (its watermark covers the bad one), since a crash cannot damage
 * forced data. Zeros after the last complete batch are neither: they are the space the log fills
 * ahead of its records, left behind by a crash; they are cut with an INFO line.
 */
final class Recovery {
  private static final Logger log = LoggerFactory.getLogger(FileEventLog.class);
  private static final int BUFFER = 1 << 20;

  /** What open found: the segments, the last sequence and the open last segment. */
  record Result(List<Segment> segments, long lastSequence, FileChannel tailChannel,
      long tailSize) {}

  private Recovery() {}

  static Result run(Storage storage) throws IOException {
    List<Segment> segments = new ArrayList<>();
    List<String> names = storage.list();
    Set<String> present = new HashSet<>(names);
    for (String name : names) {
      long first = Segment.parse(name);
      if (first > 0) {
        segments.add(new Segment(first));
      }
    }
    segments.sort(Comparator.comparingLong(Segment::firstSequence));
    if (segments.isEmpty()) {
      Segment first = new Segment(1);
      FileChannel channel = storage.openWrite(first.name());
      try {
        storage.syncDirectory();
      } catch (IOException e) {
        channel.close();
        throw e;
      }
      segments.add(first);
      return new Result(segments, 0, channel, 0);
    }
    long expected = 1;
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      if (segment.firstSequence() != expected) {
        throw new EventLogException("event log corrupt: segment "
            + storage.describe(segment.name()) + " starts at sequence "
            + segment.firstSequence() + " but the records before it end at " + (expected - 1));
      }
      FileChannel channel = last ? storage.openWrite(segment.name())
          : storage.openRead(segment.name());
      boolean keepOpen = false;
      try {
        if (!last && present.contains(segment.sealName())) {
          long sealedLast = segment.unseal(readSeal(storage, segment), channel.size());
          if (sealedLast >= 0) {
            expected = sealedLast + 1;
            continue;
          }
          log.info("event log {}: its seal does not describe it; reading its records",
              storage.describe(segment.name()));
        }
        long[] end = scan(storage, segment, channel, last);
        expected = end[0] + 1;
        if (!last) {
          writeSeal(storage, segment, end[0], end[1]);
        }
        if (last) {
          keepOpen = true;
          return new Result(segments, end[0], channel, end[1]);
        }
      } finally {
        if (!keepOpen) {
          channel.close();
        }
      }
    }
    throw new AssertionError("unreachable: the last segment returns");
  }

  /**
   * The bytes of a segment's seal, or none if they cannot be read or are far more than any seal
   * (then the segment is read in full).
   */
  private static byte[] readSeal(Storage storage, Segment segment) {
    try (FileChannel channel = storage.openRead(segment.sealName())) {
      long size = channel.size();
      // A seal holds 8 bytes per 1,024 records: a few hundred KB for the largest segment.
      if (size > 16L << 20) {
        return new byte[0];
      }
      ByteBuffer bytes = ByteBuffer.allocate((int) size);
      while (bytes.hasRemaining() && channel.read(bytes, bytes.position()) > 0) {
        // Reads until the end.
      }
      return bytes.array();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  /**
   * Writes the seal of a segment no longer written, whose records end at {@code lastSequence}
   * in {@code size} bytes, replacing any seal it had. Not forced: a seal a crash damaged or lost
   * is found so by its checksum, and the segment read in full. A seal that cannot be written
   * only costs the next open that read; so failures are logged, not thrown.
   */
  static void writeSeal(Storage storage, Segment segment, long lastSequence, long size) {
    byte[] seal = segment.seal(lastSequence, size);
    try (FileChannel channel = storage.openWrite(segment.sealName())) {
      ByteBuffer bytes = ByteBuffer.wrap(seal);
      while (bytes.hasRemaining()) {
        channel.write(bytes, bytes.position());
      }
      channel.truncate(seal.length);
    } catch (IOException e) {
      log.warn("event log {}: cannot write its seal ({}); the next open reads its records",
          storage.describe(segment.name()), e.toString());
    }
  }

  /** Checks one segment; returns {last sequence, valid size}, truncating a torn tail. */
  private static long[] scan(Storage storage, Segment segment, FileChannel channel, boolean last)
      throws IOException {
    long size = channel.size();
    int bufferSize = (int) Math.min(BUFFER, Math.max(size, 4096));
    FrameReader reader = new FrameReader(channel, 0, bufferSize);
    long next = segment.firstSequence();
    long batchEndSequence = next - 1;
    long batchEndOffset = 0;
    String problem = null;
    while (reader.next()) {
      ByteBuffer buffer = reader.buffer();
      int at = reader.frameAt();
      long sequence = RecordFormat.sequence(buffer, at);
      if (sequence != next) {
        problem = "sequence " + sequence + " where " + next + " was due";
        break;
      }
      byte version = RecordFormat.version(buffer, at);
      if (version != RecordFormat.VERSION_JSON) {
        throw new EventLogException("event log record " + sequence + " in "
            + storage.describe(segment.name()) + " at offset " + reader.offset()
            + " has record format version " + version + ", which this socialearn cannot read; "
            + "it was written by a newer version");
      }
      segment.written(sequence, reader.offset());
      next++;
      if (RecordFormat.batchEnd(buffer, at)) {
        batchEndSequence = sequence;
        batchEndOffset = reader.endOffset();
      }
    }
    if (problem == null) {
      problem = reader.problem();
    }
    if (batchEndOffset == size) {
      return new long[] {batchEndSequence, size};
    }
    String file = storage.describe(segment.name());
    if (zeros(channel, batchEndOffset, size)) {
      // Space the log filled ahead of its records and had no chance to cut: not damage.
      log.info("event log {}: cutting {} bytes of zeros written ahead of the records at offset"
          + " {}; the segment ends at sequence {}", file, size - batchEndOffset, batchEndOffset,
          batchEndSequence);
      segment.forgetAfter(batchEndSequence);
      if (last) {
        channel.truncate(batchEndOffset);
        channel.force(true);
      } else {
        try (FileChannel writable = storage.openWrite(segment.name())) {
          writable.truncate(batchEndOffset);
          writable.force(true);
        }
      }
      return new long[] {batchEndSequence, batchEndOffset};
    }
    long badOffset = problem != null ? reader.offset() : batchEndOffset;
    String reason = problem != null ? problem : "batch cut short by the end of the file";
    if (!last) {
      throw new EventLogException("event log corrupt: " + file + " at offset " + badOffset
          + ": " + reason + ", in a segment that is not the last one");
    }
    if (problem != null) {
      long proof = proofOfDurability(channel, badOffset, size, batchEndSequence + 1);
      if (proof >= 0) {
        throw new EventLogException("event log corrupt: " + file + " at offset " + badOffset
            + ": " + reason + ", but the valid record at offset " + proof
            + " shows that this data had been forced to disk; refusing to drop it. Restore "
            + "the file from a backup or move it away to give up the records from sequence "
            + (batchEndSequence + 1));
      }
    }
    log.warn("event log {}: dropping a torn tail of {} bytes at offset {} ({}); the log ends at"
        + " sequence {}", file, size - batchEndOffset, batchEndOffset, reason, batchEndSequence);
    segment.forgetAfter(batchEndSequence);
    channel.truncate(batchEndOffset);
    channel.force(true);
    return new long[] {batchEndSequence, batchEndOffset};
  }

  /** Whether the bytes of {@code channel} from {@code from} to {@code to} are all zero. */
  private static boolean zeros(FileChannel channel, long from, long to) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER, to - from));
    long at = from;
    while (at < to) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), to - at));
      int read = channel.read(buffer, at);
      if (read < 0) {
        return false;
      }
      for (int i = 0; i < read; i++) {
        if (buffer.get(i) != 0) {
          return false;
        }
      }
      at += read;
    }
    return true;
  }

  /**
   * Looks past a bad record for a valid one whose watermark covers {@code atRisk}; returns its
   * offset, or -1 if there is none (the damage is a torn tail).
   */
  static long proofOfDurability(FileChannel channel, long from, long size, long atRisk)
      throws IOException {
    long length = size - from;
    if (length > Integer.MAX_VALUE - 8) {
      throw new EventLogException("event log tail of " + length + " bytes is too long to check");
    }
    ByteBuffer tail = ByteBuffer.allocate((int) length);
    while (tail.hasRemaining() && channel.read(tail, from + tail.position()) >= 0) {
      // keep reading
    }
    tail.flip();
    int end = tail.limit();
    long maxSequence = atRisk + end / RecordFormat.MIN_FRAME + 1;
    for (int at = 1; at + RecordFormat.MIN_FRAME <= end; at++) {
      int bodyLength = tail.getInt(at);
      if (bodyLength < RecordFormat.BODY_FIXED || at + RecordFormat.PREFIX + bodyLength > end) {
        continue;
      }
      long sequence = RecordFormat.sequence(tail, at);
      if (sequence < atRisk || sequence > maxSequence) {
        continue;
      }
      if (RecordFormat.problem(tail, at, end - at) == null
          && RecordFormat.watermark(tail, at) >= atRisk) {
        return from + at;
      }
    }
    return -1;
  }
}
