package io.socialearn.core;

import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.UnaryOperator;

/**
 * The post projection's rows ({@link PostRow}) as columns by the rows' codes, with an index from
 * each answer's id to its code: about 39 bytes an answer, against about 80 for a row object and
 * a map's entry (a million answers hold 33 MB less). A row asked for is made afresh from its
 * columns; an update writes them back. Codes run from 0 in the order the rows were added, and
 * rows are never removed. Not thread-safe.
 */
final class PostTable {
  private static final int MIN_CAPACITY = 16;

  private PostId[] ids = new PostId[MIN_CAPACITY];
  private ThreadId[] threads = new ThreadId[MIN_CAPACITY];
  private PersonId[] authors = new PersonId[MIN_CAPACITY];
  private int[] scores = new int[MIN_CAPACITY];
  private long[] createdNanos = new long[MIN_CAPACITY];
  private long[] createdSeqs = new long[MIN_CAPACITY];
  private boolean[] deleted = new boolean[MIN_CAPACITY];
  private int size;
  private final IdIndex<PostId> index = new IdIndex<>(code -> ids[code]);

  /** How many rows there are; their codes run from 0 to one less. */
  int size() {
    return size;
  }

  /** The row of answer {@code id}, made afresh, or null if it has none. */
  PostRow get(PostId id) {
    int code = code(id);
    return code < 0 ? null : row(code);
  }

  /** Whether answer {@code id} has a row. */
  boolean containsKey(PostId id) {
    return code(id) >= 0;
  }

  /** The code of answer {@code id}'s row, or -1 if it has none. */
  int code(PostId id) {
    return index.code(id);
  }

  /**
   * The id of the row with code {@code code}: the one object the rows hold.
   *
   * @throws IndexOutOfBoundsException if no row has that code
   */
  PostId id(int code) {
    Objects.checkIndex(code, size);
    return ids[code];
  }

  /**
   * The row with code {@code code}, made afresh.
   *
   * @throws IndexOutOfBoundsException if no row has that code
   */
  PostRow row(int code) {
    Objects.checkIndex(code, size);
    return new PostRow(ids[code], threads[code], authors[code], scores[code], createdNanos[code],
        createdSeqs[code], deleted[code], code);
  }

  /** The ids by code, a live view that cannot be changed through. */
  List<PostId> ids() {
    return new Ids();
  }

  /** The rows in code order, each made afresh when read: a view that cannot be changed through. */
  List<PostRow> rows() {
    return new Rows();
  }

  /**
   * Adds {@code row}, whose code must be the next ({@link #size()}) and whose id must have no
   * row, or replaces the row with its code, which must be for the same id.
   *
   * @throws IllegalArgumentException otherwise; nothing changes then
   */
  void put(PostRow row) {
    int code = row.code();
    if (code == size) {
      if (containsKey(row.id())) {
        throw new IllegalArgumentException("answer " + row.id() + " already has row "
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
      throw new IllegalArgumentException("row " + code + " for answer " + row.id() + " in a table"
          + " of " + size + (code >= 0 && code < size ? " whose row " + code + " is answer "
          + ids[code] : ""));
    }
  }

  /**
   * Replaces the row of answer {@code id}, if it has one, with {@code change} of it, which keeps
   * its id and code.
   *
   * @return the new row, or null if the answer has none
   */
  PostRow computeIfPresent(PostId id, UnaryOperator<PostRow> change) {
    int code = code(id);
    if (code < 0) {
      return null;
    }
    PostRow changed = change.apply(row(code));
    if (changed.code() != code || !changed.id().equals(id)) {
      throw new IllegalArgumentException("a change of row " + code + " made row "
          + changed.code() + " for answer " + changed.id());
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
  void addAll(PostRow[] rows, int n) {
    if (size + n > ids.length) {
      grow(size + n);
    }
    index.reserve(size + n, size);
    for (int i = 0; i < n; i++) {
      put(rows[i]);
    }
  }

  /** Takes {@code other}'s rows in place of these, leaving {@code other} empty. */
  void takeOver(PostTable other) {
    ids = other.ids;
    threads = other.threads;
    authors = other.authors;
    scores = other.scores;
    createdNanos = other.createdNanos;
    createdSeqs = other.createdSeqs;
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
    ids = new PostId[MIN_CAPACITY];
    threads = new ThreadId[MIN_CAPACITY];
    authors = new PersonId[MIN_CAPACITY];
    scores = new int[MIN_CAPACITY];
    createdNanos = new long[MIN_CAPACITY];
    createdSeqs = new long[MIN_CAPACITY];
    deleted = new boolean[MIN_CAPACITY];
    index.clear();
  }

  private void set(PostRow row) {
    int c = row.code();
    ids[c] = row.id();
    threads[c] = row.thread();
    authors[c] = row.author();
    scores[c] = row.score();
    createdNanos[c] = row.createdNanos();
    createdSeqs[c] = row.createdSeq();
    deleted[c] = row.deleted();
  }

  /** Resizes the columns to {@code capacity} rows, at least {@link #size}. */
  private void grow(int capacity) {
    ids = Arrays.copyOf(ids, capacity);
    threads = Arrays.copyOf(threads, capacity);
    authors = Arrays.copyOf(authors, capacity);
    scores = Arrays.copyOf(scores, capacity);
    createdNanos = Arrays.copyOf(createdNanos, capacity);
    createdSeqs = Arrays.copyOf(createdSeqs, capacity);
    deleted = Arrays.copyOf(deleted, capacity);
  }

  private final class Ids extends AbstractList<PostId> implements RandomAccess {
    @Override
    public PostId get(int index) {
      return id(index);
    }

    @Override
    public int size() {
      return size;
    }
  }

  private final class Rows extends AbstractList<PostRow> implements RandomAccess {
    @Override
    public PostRow get(int index) {
      return row(index);
    }

    @Override
    public int size() {
      return size;
    }
  }
}
