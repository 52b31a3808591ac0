package io.socialearn.core.internal.reputation;

import java.util.Arrays;

/**
 * A column of longs held as ints, four bytes a value, until a value does not fit: then the whole
 * column widens to longs. For values that fit an int in all but rare histories (log sequences, a
 * fact's points with its flags). A column made with {@link #startingShort} starts narrower still,
 * as shorts (two bytes a value), and widens to ints, then longs, as values need. Not thread-safe:
 * guarded by the engine's lock, as its ledger.
 */
final class IntOrLongColumn {
  /** The values while each fits a short, in a column that started so; else null. */
  private short[] tight;
  /** The values while each fits an int (and one did not fit a short); else null. */
  private int[] narrow;
  /** The values once one did not fit an int, else null. */
  private long[] wide;

  IntOrLongColumn(int length) {
    narrow = new int[length];
  }

  private IntOrLongColumn(short[] tight) {
    this.tight = tight;
  }

  /**
   * A column that holds its values as shorts until one does not fit: for a fact's points and
   * flags, which fit in two bytes for every vote of the usual rules.
   *
   * @param length the room to start with
   * @return an empty column of that room
   */
  static IntOrLongColumn startingShort(int length) {
    return new IntOrLongColumn(new short[length]);
  }

  long get(int i) {
    return tight != null ? tight[i] : narrow != null ? narrow[i] : wide[i];
  }

  /** Sets value {@code i}, widening the column (keeping its first {@code size}) if need be. */
  void set(int i, long value, int size) {
    if (tight != null) {
      if (value == (short) value) {
        tight[i] = (short) value;
        return;
      }
      narrow = new int[tight.length];
      for (int j = 0; j < size; j++) {
        narrow[j] = tight[j];
      }
      tight = null;
    }
    if (narrow != null && value == (int) value) {
      narrow[i] = (int) value;
      return;
    }
    if (narrow != null) {
      wide = new long[narrow.length];
      for (int j = 0; j < size; j++) {
        wide[j] = narrow[j];
      }
      narrow = null;
    }
    wide[i] = value;
  }

  /** Copies value {@code from} to {@code to}. */
  void move(int from, int to) {
    if (tight != null) {
      tight[to] = tight[from];
    } else if (narrow != null) {
      narrow[to] = narrow[from];
    } else {
      wide[to] = wide[from];
    }
  }

  void resize(int length) {
    if (tight != null) {
      tight = Arrays.copyOf(tight, length);
    } else if (narrow != null) {
      narrow = Arrays.copyOf(narrow, length);
    } else {
      wide = Arrays.copyOf(wide, length);
    }
  }
}
