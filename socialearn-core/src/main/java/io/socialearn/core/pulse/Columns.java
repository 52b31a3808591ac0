package io.socialearn.core.pulse;

import io.socialearn.core.internal.BlockOffsetColumn;
import java.util.Arrays;
import java.util.Objects;

/** Growable primitive columns, so that a pulse over a million posts scans flat arrays. */
final class Columns {
  private Columns() {}

  /**
   * A growable {@code int} column, two bytes a value while every value set fits a {@code short}
   * (people, spaces, scores and views of most communities), four once one does not. Not
   * thread-safe.
   */
  static final class Ints {
    /** The values while all fit a short, else null. */
    private short[] narrow = new short[64];
    /** The values once one did not fit a short, else null. */
    private int[] wide;
    private int size;

    int size() {
      return size;
    }

    int get(int i) {
      short[] n = narrow;
      return n != null ? n[i] : wide[i];
    }

    void set(int i, int value) {
      if (narrow == null) {
        wide[i] = value;
      } else if (value == (short) value) {
        narrow[i] = (short) value;
      } else {
        widen();
        wide[i] = value;
      }
    }

    void add(int value) {
      if (size == capacity()) {
        resize(Math.max(64, size * 2));
      }
      set(size++, value);
    }

    /** Makes room for {@code more} values beyond those held, so that adding them never grows. */
    void reserve(int more) {
      if (capacity() - size < more) {
        resize(size + more);
      }
    }

    /** Drops the room kept for more values; an add after it grows the column again. */
    void trim() {
      if (capacity() > size) {
        resize(size);
      }
    }

    private int capacity() {
      return narrow != null ? narrow.length : wide.length;
    }

    private void resize(int length) {
      if (narrow != null) {
        narrow = Arrays.copyOf(narrow, length);
      } else {
        wide = Arrays.copyOf(wide, length);
      }
    }

    private void widen() {
      int[] values = new int[narrow.length];
      for (int i = 0; i < narrow.length; i++) {
        values[i] = narrow[i];
      }
      wide = values;
      narrow = null;
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
