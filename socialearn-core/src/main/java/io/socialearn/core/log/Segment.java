package io.socialearn.core.log;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One segment file of a {@link FileEventLog}: its name, the sequence of its first record and a
 * sparse index from sequence to file offset. Thread-safe: the index is guarded by a private lock.
 */
final class Segment {
  /** Every how many records the sparse index keeps an offset. */
  static final int INDEX_INTERVAL = 1024;
  private static final Pattern NAME = Pattern.compile("(\\d{20})\\.seg");

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

  /** The first sequence named by a segment file name, or -1 if it is not one. */
  static long parse(String fileName) {
    Matcher matcher = NAME.matcher(fileName);
    return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1;
  }

  String name() {
    return name;
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
