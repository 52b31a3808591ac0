package io.socialearn.core;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * A projection's rows as columns by the rows' codes, with an index from each row's id to its code
 * ({@link IdIndex}): a row asked for is made afresh from its columns, and an update writes them
 * back. Codes run from 0 in the order the rows were added, and rows are never removed. The
 * subclasses hold the columns ({@link PostTable}, {@link ThreadTable}). Not thread-safe.
 *
 * @param <K> the rows' ids
 * @param <R> the rows
 * @param <T> the table's own type
 */
abstract class RowTable<K, R, T extends RowTable<K, R, T>> {
  /** The room the columns start with. */
  static final int MIN_CAPACITY = 16;

  /** What a row is of, for messages: "answer", "thread". */
  private final String noun;
  private int size;
  private final IdIndex<K> index = new IdIndex<>(this::idAt);

  RowTable(String noun) {
    this.noun = noun;
  }

  /** The id column's value at {@code code}, below the room. */
  abstract K idAt(int code);

  /** Row {@code code}, made from the columns. */
  abstract R rowAt(int code);

  abstract K idOf(R row);

  abstract int codeOf(R row);

  /** Writes {@code row} into the columns at its code, within the room. */
  abstract void setColumns(R row);

  /** How many rows the columns have room for. */
  abstract int capacity();

  /** Resizes the columns to {@code capacity} rows, keeping the first {@link #size()}. */
  abstract void resizeColumns(int capacity);

  /** Replaces the columns with fresh ones of {@link #MIN_CAPACITY} rows. */
  abstract void newColumns();

  /** Takes {@code other}'s columns as these. */
  abstract void takeColumns(T other);

  /** How many rows there are; their codes run from 0 to one less. */
  final int size() {
    return size;
  }

  /** The row of {@code id}, made afresh, or null if it has none. */
  final R get(K id) {
    int code = code(id);
    return code < 0 ? null : rowAt(code);
  }

  /** The code of {@code id}'s row, or -1 if it has none. */
  final int code(K id) {
    return index.code(id);
  }

  /**
   * The id of the row with code {@code code}: the one object the rows hold.
   *
   * @throws IndexOutOfBoundsException if no row has that code
   */
  final K id(int code) {
    Objects.checkIndex(code, size);
    return idAt(code);
  }

  /**
   * The row with code {@code code}, made afresh.
   *
   * @throws IndexOutOfBoundsException if no row has that code
   */
  final R row(int code) {
    Objects.checkIndex(code, size);
    return rowAt(code);
  }

  /** The ids by code, a live view that cannot be changed through. */
  final List<K> ids() {
    return new View<>(this::id);
  }

  /** The rows in code order, each made afresh when read: a view that cannot be changed through. */
  final List<R> rows() {
    return new View<>(this::row);
  }

  /**
   * Adds {@code row}, whose code must be the next ({@link #size()}) and whose id must have no
   * row, or replaces the row with its code, which must be for the same id.
   *
   * @throws IllegalArgumentException otherwise; nothing changes then
   */
  final void put(R row) {
    int code = codeOf(row);
    K id = idOf(row);
    if (code == size) {
      if (code(id) >= 0) {
        throw new IllegalArgumentException(noun + " " + id + " already has row " + code(id)
            + ", not " + code);
      }
      if (size == capacity()) {
        resizeColumns(size + (size >> 1) + 1);
      }
      size++;
      setColumns(row);
      index.add(code, size);
    } else if (code >= 0 && code < size && idAt(code).equals(id)) {
      setColumns(row);
    } else {
      throw new IllegalArgumentException("row " + code + " for " + noun + " " + id + " in a"
          + " table of " + size + (code >= 0 && code < size ? " whose row " + code + " is "
          + noun + " " + idAt(code) : ""));
    }
  }

  /**
   * Replaces the row of {@code id}, if it has one, with {@code change} of its id and row, which
   * keeps both its id and its code.
   *
   * @return the new row, or null if {@code id} has none
   * @throws IllegalArgumentException if the change moves the row; nothing changes then
   */
  final R computeIfPresent(K id, BiFunction<K, R, R> change) {
    int code = code(id);
    if (code < 0) {
      return null;
    }
    R changed = change.apply(idAt(code), rowAt(code));
    if (codeOf(changed) != code || !idOf(changed).equals(id)) {
      throw new IllegalArgumentException("a change of row " + code + " made row "
          + codeOf(changed) + " for " + noun + " " + idOf(changed));
    }
    setColumns(changed);
    return changed;
  }

  /**
   * Adds {@code rows}, the first {@code n} of which must carry codes from {@link #size()} on in
   * order: a snapshot read, which sizes the columns once.
   *
   * @throws IllegalArgumentException at the first row out of order or whose id has a row; the
   *     rows before it are added
   */
  final void addAll(R[] rows, int n) {
    if (size + n > capacity()) {
      resizeColumns(size + n);
    }
    index.reserve(size + n, size);
    for (int i = 0; i < n; i++) {
      put(rows[i]);
    }
  }

  /** Takes {@code other}'s rows in place of these, leaving {@code other} empty. */
  final void takeOver(T other) {
    RowTable<K, R, T> that = other;
    takeColumns(other);
    size = that.size;
    index.takeOver(that.index);
    that.clear();
  }

  /** Drops the room the columns keep for more rows. */
  final void trimToSize() {
    if (size < capacity()) {
      resizeColumns(Math.max(size, MIN_CAPACITY));
    }
  }

  private void clear() {
    size = 0;
    newColumns();
    index.clear();
  }

  /** A read-only list by code over {@link #size} rows. */
  private final class View<E> extends AbstractList<E> implements RandomAccess {
    private final IntFunction<E> at;

    View(IntFunction<E> at) {
      this.at = at;
    }

    @Override
    public E get(int i) {
      return at.apply(i);
    }

    @Override
    public int size() {
      return size;
    }
  }
}
