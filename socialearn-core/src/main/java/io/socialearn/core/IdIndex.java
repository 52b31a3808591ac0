package io.socialearn.core;

import java.util.function.IntFunction;

/**
 * An index from ids to the codes of the rows a column table holds ({@link PostTable}, {@link
 * ThreadTable}): linear probing by the id's spread hash in an int array, each slot a code plus
 * one (0 when empty), at most three quarters full. The ids themselves stay in the table's id
 * column, read through {@code idOf}: four to eight bytes a row, against a map entry's twelve or
 * more and the row object it points to. Not thread-safe.
 *
 * @param <K> the ids
 */
final class IdIndex<K> {
  private static final int MIN_SLOTS = 32;

  /** The table's id of each row code below its size. */
  private final IntFunction<K> idOf;
  private int[] slots = new int[MIN_SLOTS];

  IdIndex(IntFunction<K> idOf) {
    this.idOf = idOf;
  }

  /** The code of the row of {@code id}, or -1 if none. */
  int code(K id) {
    int mask = slots.length - 1;
    for (int slot = spread(id.hashCode()) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
      int code = slots[slot] - 1;
      if (idOf.apply(code).equals(id)) {
        return code;
      }
    }
    return -1;
  }

  /**
   * Adds row {@code code}, the table's newest, whose id has no row yet; {@code rows} is how many
   * the table has with it (all indexed again if the slots must grow).
   */
  void add(int code, int rows) {
    if (rows > slots.length - (slots.length >> 2)) {
      rebuild(rows, slots.length * 2);
    } else {
      insert(code);
    }
  }

  /** Makes room for {@code rows} rows without growing, indexing the first {@code indexed}. */
  void reserve(int rows, int indexed) {
    int capacity = slots.length;
    while (capacity - (capacity >> 2) < rows) {
      capacity *= 2;
    }
    if (capacity > slots.length) {
      rebuild(indexed, capacity);
    }
  }

  /** Drops every row. */
  void clear() {
    slots = new int[MIN_SLOTS];
  }

  /** Takes {@code other}'s slots in place of these (for a table taking another's columns). */
  void takeOver(IdIndex<K> other) {
    slots = other.slots;
    other.clear();
  }

  private void rebuild(int rows, int capacity) {
    slots = new int[capacity];
    for (int c = 0; c < rows; c++) {
      insert(c);
    }
  }

  private void insert(int code) {
    int mask = slots.length - 1;
    int slot = spread(idOf.apply(code).hashCode()) & mask;
    while (slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = code + 1;
  }

  /** The hash spread, so that hashes that differ only high up land apart. */
  private static int spread(int h) {
    int mixed = h * 0x9E3779B9;
    return mixed ^ (mixed >>> 16);
  }
}
