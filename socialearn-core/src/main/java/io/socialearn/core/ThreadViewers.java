package io.socialearn.core;

import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.internal.CompactMap;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * Who read each thread, each reader once (as {@code RecordView} reports it): per thread the
 * readers' dense indices ({@link EngineState#indexOf}) in a sorted array with room to grow, about
 * 5 bytes a view, where a set of ids per thread took about 40 and a set object per thread. Not
 * thread-safe.
 */
final class ThreadViewers {
  /** Per thread: how many readers, then their indices in ascending order, then free room. */
  private final CompactMap<ThreadId, int[]> byThread = new CompactMap<>();

  /** Records that the reader of index {@code reader} read {@code thread}; whether it is new. */
  boolean add(ThreadId thread, int reader) {
    int[] row = byThread.get(thread);
    if (row == null) {
      byThread.put(thread, new int[] {1, reader});
      return true;
    }
    int n = row[0];
    int found = Arrays.binarySearch(row, 1, n + 1, reader);
    if (found >= 0) {
      return false;
    }
    int at = -found - 1;
    if (n + 1 == row.length) {
      row = Arrays.copyOf(row, row.length + Math.max(2, row.length >> 1));
      byThread.put(thread, row);
    }
    System.arraycopy(row, at, row, at + 1, n + 1 - at);
    row[at] = reader;
    row[0] = n + 1;
    return true;
  }

  /**
   * Records that the readers of {@code readers}, distinct indices in ascending order, read {@code
   * thread}, of which no view is held yet; false (and nothing recorded) if one is.
   */
  boolean load(ThreadId thread, int[] readers) {
    if (byThread.get(thread) != null) {
      return false;
    }
    int[] row = new int[readers.length + 1];
    row[0] = readers.length;
    System.arraycopy(readers, 0, row, 1, readers.length);
    byThread.put(thread, row);
    return true;
  }

  /** Whether the reader of index {@code reader} read {@code thread}. */
  boolean contains(ThreadId thread, int reader) {
    int[] row = byThread.get(thread);
    return row != null && Arrays.binarySearch(row, 1, row[0] + 1, reader) >= 0;
  }

  /** Each thread read, with its readers' indices in ascending order (a copy). */
  void forEach(BiConsumer<ThreadId, int[]> action) {
    byThread.forEach((thread, row) -> action.accept(thread, Arrays.copyOfRange(row, 1,
        row[0] + 1)));
  }

  /** Replaces these views with {@code other}'s, leaving {@code other} empty. */
  void takeOver(ThreadViewers other) {
    byThread.takeOver(other.byThread);
  }
}
