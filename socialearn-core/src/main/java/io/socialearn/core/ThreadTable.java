package io.socialearn.core;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.ThreadState;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * The thread projection's rows ({@link ThreadRow}) as columns by the rows' codes, with an index
 * from each thread's id to its code ({@link IdIndex}): about 75 bytes a thread, against about
 * 115 for a row object and a map's entry. A row asked for is made afresh from its columns; an
 * update writes them back. Codes run from 0 in the order the threads were started, and rows are
 * never removed. Not thread-safe.
 */
final class ThreadTable {
  private static final int MIN_CAPACITY = 16;
  private static final ThreadKind[] KINDS = ThreadKind.values();
  private static final ThreadState[] STATES = ThreadState.values();

  private ThreadId[] ids;
  private SpaceId[] spaces;
  private byte[] kinds;
  private String[] titles;
  private Object[] tags;
  private PersonId[] authors;
  private byte[] closures;
  private ThreadId[] duplicateOf;
  private int[] scores;
  private int[] answerCounts;
  private PostId[] accepted;
  private long[] createdNanos;
  private long[] createdSeqs;
  private long[] lastActivityNanos;
  private long[] lastActivitySeqs;
  private boolean[] deleted;
  private int size;
  private final IdIndex<ThreadId> index = new IdIndex<>(code -> ids[code]);

  ThreadTable() {
    clear();
  }

  /** How many rows there are; their codes run from 0 to one less. */
  int size() {
    return size;
  }

  /** The row of thread {@code id}, made afresh, or null if it has none. */
  ThreadRow get(ThreadId id) {
    int code = code(id);
    return code < 0 ? null : row(code);
  }

  /** The code of thread {@code id}'s row, or -1 if it has none. */
  int code(ThreadId id) {
    return index.code(id);
  }

  /**
   * The id of the row with code {@code code}: the one object the rows hold.
   *
   * @throws IndexOutOfBoundsException if no row has that code
   */
  ThreadId id(int code) {
    Objects.checkIndex(code, size);
    return ids[code];
  }

  /**
   * The row with code {@code code}, made afresh.
   *
   * @throws IndexOutOfBoundsException if no row has that code
   */
  @SuppressWarnings("unchecked")
  ThreadRow row(int code) {
    Objects.checkIndex(code, size);
    return new ThreadRow(ids[code], spaces[code], KINDS[kinds[code]], titles[code],
        (List<Tag>) tags[code], authors[code], STATES[closures[code]], duplicateOf[code],
        scores[code], answerCounts[code], accepted[code], createdNanos[code], createdSeqs[code],
        lastActivityNanos[code], lastActivitySeqs[code], deleted[code], code);
  }

  /** The ids by code, a live view that cannot be changed through. */
  List<ThreadId> ids() {
    return new View<>(this::id);
  }

  /** The rows in code order, each made afresh when read: a view that cannot be changed through. */
  List<ThreadRow> rows() {
    return new View<>(this::row);
  }

  /**
   * Adds {@code row}, whose code must be the next ({@link #size()}) and whose id must have no
   * row, or replaces the row with its code, which must be for the same id.
   *
   * @throws IllegalArgumentException otherwise; nothing changes then
   */
  void put(ThreadRow row) {
    int code = row.code();
    if (code == size) {
      if (code(row.id()) >= 0) {
        throw new IllegalArgumentException("thread " + row.id() + " already has row "
            + code(row.id()) + ", not " + code);
      }
      if (size == ids.length) {
        grow(size + (size >> 1) + 1);
      }
      size++;
      set(row);
      index.add(code, size);
    } else if (code >= 0 && code < size && ids[code].equals(row.id())) {
      set(row);
    } else {
      throw new IllegalArgumentException("row " + code + " for thread " + row.id() + " in a"
          + " table of " + size + (code >= 0 && code < size ? " whose row " + code
          + " is thread " + ids[code] : ""));
    }
  }

  /**
   * Replaces the row of thread {@code id}, if it has one, with {@code change} of its id and row,
   * which keeps both its id and its code.
   *
   * @return the new row, or null if the thread has none
   */
  ThreadRow computeIfPresent(ThreadId id, BiFunction<ThreadId, ThreadRow, ThreadRow> change) {
    int code = code(id);
    if (code < 0) {
      return null;
    }
    ThreadRow changed = change.apply(ids[code], row(code));
    if (changed.code() != code || !changed.id().equals(id)) {
      throw new IllegalArgumentException("a change of row " + code + " made row "
          + changed.code() + " for thread " + changed.id());
    }
    set(changed);
    return changed;
  }

  /**
   * Adds {@code rows}, the first {@code n} of which must carry codes from {@link #size()} on in
   * order: a snapshot read, which sizes the columns once.
   *
   * @throws IllegalArgumentException at the first row out of order or whose id has a row; the
   *     rows before it are added
   */
  void addAll(ThreadRow[] rows, int n) {
    if (size + n > ids.length) {
      grow(size + n);
    }
    index.reserve(size + n, size);
    for (int i = 0; i < n; i++) {
      put(rows[i]);
    }
  }

  /** Takes {@code other}'s rows in place of these, leaving {@code other} empty. */
  void takeOver(ThreadTable other) {
    ids = other.ids;
    spaces = other.spaces;
    kinds = other.kinds;
    titles = other.titles;
    tags = other.tags;
    authors = other.authors;
    closures = other.closures;
    duplicateOf = other.duplicateOf;
    scores = other.scores;
    answerCounts = other.answerCounts;
    accepted = other.accepted;
    createdNanos = other.createdNanos;
    createdSeqs = other.createdSeqs;
    lastActivityNanos = other.lastActivityNanos;
    lastActivitySeqs = other.lastActivitySeqs;
    deleted = other.deleted;
    size = other.size;
    index.takeOver(other.index);
    other.clear();
  }

  /** Drops the room the columns keep for more rows. */
  void trimToSize() {
    if (size < ids.length) {
      grow(Math.max(size, MIN_CAPACITY));
    }
  }

  private void clear() {
    size = 0;
    ids = new ThreadId[MIN_CAPACITY];
    spaces = new SpaceId[MIN_CAPACITY];
    kinds = new byte[MIN_CAPACITY];
    titles = new String[MIN_CAPACITY];
    tags = new Object[MIN_CAPACITY];
    authors = new PersonId[MIN_CAPACITY];
    closures = new byte[MIN_CAPACITY];
    duplicateOf = new ThreadId[MIN_CAPACITY];
    scores = new int[MIN_CAPACITY];
    answerCounts = new int[MIN_CAPACITY];
    accepted = new PostId[MIN_CAPACITY];
    createdNanos = new long[MIN_CAPACITY];
    createdSeqs = new long[MIN_CAPACITY];
    lastActivityNanos = new long[MIN_CAPACITY];
    lastActivitySeqs = new long[MIN_CAPACITY];
    deleted = new boolean[MIN_CAPACITY];
    index.clear();
  }

  private void set(ThreadRow row) {
    int c = row.code();
    ids[c] = row.id();
    spaces[c] = row.space();
    kinds[c] = (byte) row.kind().ordinal();
    titles[c] = row.title();
    tags[c] = row.tags();
    authors[c] = row.author();
    closures[c] = (byte) row.closure().ordinal();
    duplicateOf[c] = row.duplicateOf();
    scores[c] = row.score();
    answerCounts[c] = row.answerCount();
    accepted[c] = row.accepted();
    createdNanos[c] = row.createdNanos();
    createdSeqs[c] = row.createdSeq();
    lastActivityNanos[c] = row.lastActivityNanos();
    lastActivitySeqs[c] = row.lastActivitySeq();
    deleted[c] = row.deleted();
  }

  /** Resizes the columns to {@code capacity} rows, at least {@link #size}. */
  private void grow(int capacity) {
    ids = Arrays.copyOf(ids, capacity);
    spaces = Arrays.copyOf(spaces, capacity);
    kinds = Arrays.copyOf(kinds, capacity);
    titles = Arrays.copyOf(titles, capacity);
    tags = Arrays.copyOf(tags, capacity);
    authors = Arrays.copyOf(authors, capacity);
    closures = Arrays.copyOf(closures, capacity);
    duplicateOf = Arrays.copyOf(duplicateOf, capacity);
    scores = Arrays.copyOf(scores, capacity);
    answerCounts = Arrays.copyOf(answerCounts, capacity);
    accepted = Arrays.copyOf(accepted, capacity);
    createdNanos = Arrays.copyOf(createdNanos, capacity);
    createdSeqs = Arrays.copyOf(createdSeqs, capacity);
    lastActivityNanos = Arrays.copyOf(lastActivityNanos, capacity);
    lastActivitySeqs = Arrays.copyOf(lastActivitySeqs, capacity);
    deleted = Arrays.copyOf(deleted, capacity);
  }

  /** A read-only list by code over {@link #size} rows. */
  private final class View<T> extends AbstractList<T> implements RandomAccess {
    private final IntFunction<T> at;

    View(IntFunction<T> at) {
      this.at = at;
    }

    @Override
    public T get(int index) {
      return at.apply(index);
    }

    @Override
    public int size() {
      return size;
    }
  }
}
