package io.socialearn.core.internal;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * A dense int for each key (a read model's own number for a thread or an answer), found by the
 * code the caller's row of the key has ({@link #rowsFrom}): an int array by row code, not a hash
 * map, so that a snapshot read puts a million numbers without hashing an id, at four bytes a code
 * rather than twelve to twenty-four an entry. A key without a row (or before rows are given) is
 * kept in a {@link CompactIntMap}. Values are 0 or more; keys are never removed. Not thread-safe.
 *
 * @param <K> the keys
 */
public final class RowIndex<K> {
  private static final int[] EMPTY = {};

  /** Each key's row code, or -1 for a key without a row; none until {@link #rowsFrom}. */
  private ToIntFunction<Object> rowCodes = key -> -1;
  /** By row code: the value plus one, 0 for none. */
  private int[] byRow = EMPTY;
  /** The keys without a row. */
  private final CompactIntMap<K> others = new CompactIntMap<>();
  private int size;

  /**
   * Finds keys by {@code rowCodes} from now on: given a key, the code of its row (0 or more,
   * never changing while the row lives), or -1 if it has none.
   *
   * @param rowCodes the caller's row codes
   */
  public void rowsFrom(ToIntFunction<Object> rowCodes) {
    this.rowCodes = Objects.requireNonNull(rowCodes, "rowCodes");
  }

  /**
   * The value of {@code key}, or -1 if it has none.
   *
   * @param key the key
   * @return its value or -1
   */
  public int get(Object key) {
    int code = rowCodes.applyAsInt(key);
    if (code >= 0 && code < byRow.length && byRow[code] != 0) {
      return byRow[code] - 1;
    }
    return others.isEmpty() ? -1 : others.getInt(key, -1);
  }

  /**
   * Gives {@code key} the value {@code value}, replacing any it had.
   *
   * @param key the key
   * @param value 0 or more
   */
  public void put(K key, int value) {
    int code = rowCodes.applyAsInt(key);
    if (code >= 0) {
      putAt(code, value);
    } else {
      checkValue(value);
      if (others.put(key, value) == null) {
        size++;
      }
    }
  }

  /**
   * Gives the key whose row has code {@code code} the value {@code value}, as {@link #put} of
   * the key would: for a snapshot read, which has the codes at hand.
   *
   * @param code the row's code, 0 or more
   * @param value 0 or more
   */
  public void putAt(int code, int value) {
    if (code < 0) {
      throw new IllegalArgumentException("not a row code: " + code);
    }
    checkValue(value);
    if (code >= byRow.length) {
      byRow = Arrays.copyOf(byRow, Math.max(code + 1, byRow.length + (byRow.length >> 1)));
    }
    size += byRow[code] == 0 ? 1 : 0;
    byRow[code] = value + 1;
  }

  private static void checkValue(int value) {
    if (value < 0 || value == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("not a value of a row index: " + value);
    }
  }

  /**
   * Makes room for rows with codes below {@code codes} without growing.
   *
   * @param codes one past the largest code to come
   */
  public void reserve(int codes) {
    if (codes > byRow.length) {
      byRow = Arrays.copyOf(byRow, codes);
    }
  }

  /** Drops the room kept past the largest code that has a value. */
  public void trimToSize() {
    int end = byRow.length;
    while (end > 0 && byRow[end - 1] == 0) {
      end--;
    }
    if (end < byRow.length) {
      byRow = end == 0 ? EMPTY : Arrays.copyOf(byRow, end);
    }
    others.trimToSize();
  }

  /**
   * How many keys have a value.
   *
   * @return the count
   */
  public int size() {
    return size;
  }
}
