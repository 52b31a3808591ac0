package io.socialearn.core.pulse;

import io.socialearn.core.internal.BlockOffsetColumn;
import java.util.Arrays;
import java.util.Objects;

/** Growable primitive columns, so that a pulse over a million posts scans flat arrays. */
final class Columns {
  private Columns() {}

  /** A growable {@code int} column. Not thread-safe. */
  static final class Ints {
    private int[] values = new int[64];
    private int size;

    int size() {
      return size;
    }

    int get(int i) {
      return values[i];
    }

    void set(int i, int value) {
      values[i] = value;
    }

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, Math.max(64, size * 2));
      }
      values[size++] = value;
    }

    /** Makes room for {@code more} values beyond those held, so that adding them never grows. */
    void reserve(int more) {
      if (values.length - size < more) {
        values = Arrays.copyOf(values, size + more);
      }
    }

    /** Drops the room kept for more values; an add after it grows the column again. */
    void trim() {
      if (values.length > size) {
        values = Arrays.copyOf(values, size);
      }
    }
  }

  /**
   * A growable {@code long} column, held in blocks as offsets from each block's first value
   * ({@link BlockOffsetColumn}): times added in log order take two or four bytes each rather
   * than eight. Not thread-safe.
   */
  static final class Longs {
    private final BlockOffsetColumn values = new BlockOffsetColumn();
    private int size;

    int size() {
      return size;
    }

    long get(int i) {
      Objects.checkIndex(i, size);
      return values.get(i);
    }

    void set(int i, long value) {
      Objects.checkIndex(i, size);
      values.set(i, value);
    }

    void add(long value) {
      values.resize(size + 1);
      values.set(size++, value);
    }

    /** Makes room for {@code more} values beyond those held, so that adding them never grows. */
    void reserve(int more) {
      values.resize(size + more);
    }

    /** Drops the room kept for more values; an add after it grows the column again. */
    void trim() {
      values.trimTo(size);
    }
  }
}
