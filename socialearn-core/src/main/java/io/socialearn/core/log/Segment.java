package io.socialearn.core.log;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32C;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One segment file of a {@link FileEventLog}: its name, the sequence of its first record and a
 * sparse index from sequence to file offset. Thread-safe: the index is guarded by a private lock.
 *
 * <p>A segment no longer written (one the log rolled past) gets a seal, a small file beside it
 * ({@link #sealNameFor}) holding its last sequence, its size and its index, with a CRC32C of its
 * own: opening the log then takes the segment as the seal describes it instead of reading every
 * record (3 GB of records at 10 million events, most of a second even from memory). A missing or
 * damaged seal, or a segment whose size is not the sealed one, is read in full as before. A
 * record damaged inside a sealed segment of the right size is found when it is read, and refused
 * as corruption then.
 */
final class Segment {
  /** Every how many records the sparse index keeps an offset. */
  static final int INDEX_INTERVAL = 1024;
  private static final Pattern NAME = Pattern.compile("(\\d{20})\\.seg");
  /** "SLSE": the start of a seal. */
  private static final int SEAL_MAGIC = 0x534c5345;
  private static final int SEAL_VERSION = 1;
  /** A seal's bytes besides its offsets: magic, version, three longs, two ints, the CRC. */
  private static final int SEAL_FIXED = 4 + 4 + 8 + 8 + 8 + 4 + 4 + 4;

  private final String name;
  private final long firstSequence;
  private final Object lock = new Object();
  /** offsets[k] is the offset of the record firstSequence + k * INDEX_INTERVAL. */
  private long[] offsets = new long[16];
  private int count;

  Segment(long firstSequence) {
    this.firstSequence = firstSequence;
    this.name = nameFor(firstSequence);
  }

  /** The file name of the segment that starts at {@code firstSequence}. */
  static String nameFor(long firstSequence) {
    return String.format(Locale.ROOT, "%020d.seg", firstSequence);
  }

  /**
   * The first sequence named by a segment file name, or -1 if it is not one (20 digits can name
   * more than a long holds: no segment of this log has such a name).
   */
  static long parse(String fileName) {
    return numberIn(NAME, fileName);
  }

  /**
   * The sequence a numbered file name of this log's directory holds ({@code name}'s first group,
   * 20 digits), or -1 if it is not such a name or the number is beyond a long (a foreign file).
   */
  static long numberIn(Pattern name, String fileName) {
    Matcher matcher = name.matcher(fileName);
    if (!matcher.matches()) {
      return -1;
    }
    try {
      return Long.parseLong(matcher.group(1));
    } catch (NumberFormatException beyondALong) {
      return -1;
    }
  }

  /** The file name of the seal of the segment that starts at {@code firstSequence}. */
  static String sealNameFor(long firstSequence) {
    return String.format(Locale.ROOT, "%020d.seal", firstSequence);
  }

  String name() {
    return name;
  }

  String sealName() {
    return sealNameFor(firstSequence);
  }

  /**
   * The seal of this segment, whose records end at {@code lastSequence} and whose file is
   * {@code size} bytes long: what {@link #unseal} reads back.
   */
  byte[] seal(long lastSequence, long size) {
    synchronized (lock) {
      ByteBuffer out = ByteBuffer.allocate(SEAL_FIXED + 8 * count);
      out.putInt(SEAL_MAGIC).putInt(SEAL_VERSION).putLong(firstSequence).putLong(lastSequence)
          .putLong(size).putInt(INDEX_INTERVAL).putInt(count);
      for (int i = 0; i < count; i++) {
        out.putLong(offsets[i]);
      }
      CRC32C crc = new CRC32C();
      crc.update(out.array(), 0, out.position());
      out.putInt((int) crc.getValue());
      return out.array();
    }
  }

  /**
   * Takes the index a seal holds, if the seal is whole, is this segment's and describes a file
   * of {@code size} bytes; otherwise leaves the segment as it was.
   *
   * @return the segment's last sequence, or -1 if the seal is not to be trusted
   */
  long unseal(byte[] sealBytes, long size) {
    if (sealBytes.length < SEAL_FIXED || (sealBytes.length - SEAL_FIXED) % 8 != 0) {
      return -1;
    }
    ByteBuffer in = ByteBuffer.wrap(sealBytes);
    CRC32C crc = new CRC32C();
    crc.update(sealBytes, 0, sealBytes.length - 4);
    if (in.getInt(sealBytes.length - 4) != (int) crc.getValue() || in.getInt() != SEAL_MAGIC
        || in.getInt() != SEAL_VERSION || in.getLong() != firstSequence) {
      return -1;
    }
    long last = in.getLong();
    long sealedSize = in.getLong();
    int interval = in.getInt();
    int n = in.getInt();
    if (sealedSize != size || interval != INDEX_INTERVAL || last < firstSequence
        || n != (last - firstSequence) / INDEX_INTERVAL + 1
        || n != (sealBytes.length - SEAL_FIXED) / 8) {
      return -1;
    }
    long[] read = new long[Math.max(16, n)];
    for (int i = 0; i < n; i++) {
      read[i] = in.getLong();
      if (read[i] < 0 || read[i] >= size || (i == 0 ? read[i] != 0 : read[i] <= read[i - 1])) {
        return -1;
      }
    }
    synchronized (lock) {
      offsets = read;
      count = n;
    }
    return last;
  }

  long firstSequence() {
    return firstSequence;
  }

  /** Notes where a record was written; call for every record, in order. */
  void written(long sequence, long offset) {
    long relative = sequence - firstSequence;
    if (relative % INDEX_INTERVAL != 0) {
      return;
    }
    synchronized (lock) {
      int slot = (int) (relative / INDEX_INTERVAL);
      if (slot < count) {
        offsets[slot] = offset;
        count = slot + 1;
        return;
      }
      if (slot > count) {
        throw new IllegalStateException("segment index skipped from " + count + " to " + slot);
      }
      if (count == offsets.length) {
        offsets = Arrays.copyOf(offsets, count * 2);
      }
      offsets[count++] = offset;
    }
  }

  /** Forgets index entries past {@code lastSequence}, after a failed write is rolled back. */
  void forgetAfter(long lastSequence) {
    synchronized (lock) {
      long keep = lastSequence < firstSequence ? 0
          : (lastSequence - firstSequence) / INDEX_INTERVAL + 1;
      count = (int) Math.min(count, keep);
    }
  }

  /**
   * A position to start scanning from to find {@code sequence}.
   *
   * @return {@code {sequence, offset}} of an indexed record at or before it, or the start
   */
  long[] seek(long sequence) {
    synchronized (lock) {
      if (count == 0 || sequence < firstSequence) {
        return new long[] {firstSequence, 0};
      }
      int slot = (int) Math.min(count - 1, (sequence - firstSequence) / INDEX_INTERVAL);
      return new long[] {firstSequence + (long) slot * INDEX_INTERVAL, offsets[slot]};
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
