package io.socialearn.core.expertise;

import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.expertise.ExpertiseModel.ThreadInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * The model's threads by id: a thread with a row of the caller's ({@link #rowsFrom}) in an array
 * by its row's code (four bytes a thread, where an entry of a hash map took some forty), the
 * others (all of them before rows are given) in a hash map. Iterates in the order of the rows'
 * codes, then in the map's: so a model folded from the log and one read back from a snapshot list
 * their threads with rows alike, in whatever order the snapshot wrote them. Not thread-safe.
 */
final class ThreadsByRow {
  private static final ThreadInfo[] NONE = {};

  /** Each thread's row code, or -1 for a thread without a row; none until {@link #rowsFrom}. */
  private ToIntFunction<Object> rowCodes = key -> -1;
  /** By row code: the thread, or null. */
  private ThreadInfo[] byRow = NONE;
  /** How many of {@link #byRow} are not null. */
  private int rows;
  /** The threads without a row. */
  private HashMap<ThreadId, ThreadInfo> others = new HashMap<>();

  /**
   * Finds threads by {@code rowCodes} from now on: given a thread's id, the code of its row (0 or
   * more, never changing), or -1 if it has none. Threads put before are kept where they are.
   */
  void rowsFrom(ToIntFunction<Object> rowCodes) {
    this.rowCodes = Objects.requireNonNull(rowCodes, "rowCodes");
  }

  /** The thread {@code id}, or null. */
  ThreadInfo get(ThreadId id) {
    int code = rowCodes.applyAsInt(id);
    if (code >= 0 && code < byRow.length && byRow[code] != null) {
      return byRow[code];
    }
    return others.isEmpty() ? null : others.get(id);
  }

  /** Puts {@code thread} as the thread {@code id}, replacing any. */
  void put(ThreadId id, ThreadInfo thread) {
    int code = rowCodes.applyAsInt(id);
    if (code >= 0) {
      others.remove(id);
      putAt(code, thread);
    } else {
      others.put(id, thread);
    }
  }

  /**
   * Puts {@code thread} as the thread whose row has code {@code code}, as {@link #put} of its id
   * would: for a snapshot read, which has the codes at hand.
   */
  void putAt(int code, ThreadInfo thread) {
    if (code < 0) {
      throw new IllegalArgumentException("not a row code: " + code);
    }
    if (code >= byRow.length) {
      byRow = Arrays.copyOf(byRow, Math.max(code + 1, byRow.length + (byRow.length >> 1)));
    }
    rows += byRow[code] == null ? 1 : 0;
    byRow[code] = thread;
  }

  /** Makes room for rows with codes below {@code codes} without growing. */
  void reserve(int codes) {
    if (codes > byRow.length) {
      byRow = Arrays.copyOf(byRow, codes);
    }
  }

  /**
   * Starts the threads without a row afresh, empty, in a map of the capacity it would have grown
   * to by holding {@code expected} of them: one that iterates as the map written did when its
   * threads are put in the order written.
   */
  void expectOthers(int expected) {
    long grown = Math.max(16, (expected * 4L + 2) / 3);
    others = new HashMap<>((int) Math.min(1 << 30, grown));
  }

  /** Takes the thread {@code id} out, returning it, or null if there is none. */
  ThreadInfo remove(ThreadId id) {
    int code = rowCodes.applyAsInt(id);
    if (code >= 0 && code < byRow.length && byRow[code] != null) {
      ThreadInfo gone = byRow[code];
      byRow[code] = null;
      rows--;
      return gone;
    }
    return others.isEmpty() ? null : others.remove(id);
  }

  /** How many threads there are. */
  int size() {
    return rows + others.size();
  }

  /** Every thread, by row code, then those without a row in the map's order. */
  List<ThreadInfo> values() {
    List<ThreadInfo> all = new ArrayList<>(size());
    for (ThreadInfo t : byRow) {
      if (t != null) {
        all.add(t);
      }
    }
    all.addAll(others.values());
    return all;
  }
}
