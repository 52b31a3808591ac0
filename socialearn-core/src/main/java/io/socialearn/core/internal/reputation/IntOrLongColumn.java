package io.socialearn.core.internal.reputation;

import java.util.Arrays;

/**
 * A column of longs held as ints, four bytes a value, until a value does not fit: then the whole
 * column widens to longs. For values that fit an int in all but rare histories (log sequences, a
 * fact's points with its flags). Not thread-safe: guarded by the engine's lock, as its ledger.
 */
final class IntOrLongColumn {
  /** The values while each fits an int; null once one did not. */
  private int[] narrow;
  /** The values once one did not fit an int, else null. */
  private long[] wide;

  IntOrLongColumn(int length) {
    narrow = new int[length];
  }

  long get(int i) {
    return narrow != null ? narrow[i] : wide[i];
  }

  /** Sets value {@code i}, widening the column (keeping its first {@code size}) if need be. */
  void set(int i, long value, int size) {
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
    if (narrow != null) {
      narrow[to] = narrow[from];
    } else {
      wide[to] = wide[from];
    }
  }

  void resize(int length) {
    if (narrow != null) {
      narrow = Arrays.copyOf(narrow, length);
    } else {
      wide = Arrays.copyOf(wide, length);
    }
  }
}
