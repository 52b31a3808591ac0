package io.socialearn.core.internal;

/**
 * A {@link java.util.Map} for the read models' large maps (one entry per post or per person):
 * open addressing over two arrays instead of a node per entry, about 12 to 24 bytes an entry
 * against 36 to 44 for a {@link java.util.HashMap}. Keys and values are non-null; iteration
 * order is unspecified, as a hash map's; removal through an iterator is not supported (remove by
 * key). Not thread-safe.
 *
 * @param <K> the keys
 * @param <V> the values
 */
public final class CompactMap<K, V> extends OpenKeys<K, V> {
  /**
   * The values in {@link RefChunks}, as the keys; set by the constructor through {@link
   * #resizeValues}, so not initialised here.
   */
  private Object[][] values;

  /** An empty map. */
  public CompactMap() {
    super(0);
  }

  /**
   * An empty map with room for {@code expected} entries.
   *
   * @param expected how many entries will come
   */
  public CompactMap(int expected) {
    super(expected);
  }

  /**
   * Replaces this map's entries with {@code other}'s, leaving {@code other} empty, without
   * copying.
   *
   * @param other the map to empty into this one
   */
  public void takeOver(CompactMap<K, V> other) {
    moveFrom(other);
  }

  /**
   * Puts each of the first {@code n} keys with the value at the same index, as {@link #put} one
   * by one in index order would, but in the order of the keys' slots, in a table made large
   * enough for them all first: a bulk load (a snapshot read) that writes the table front to back,
   * where a million puts in index order each write a slot far from the last. The map's iteration
   * order may differ from what the puts one by one give (it is unspecified either way).
   *
   * @param keys the keys, none null
   * @param values the values, none null, at the keys' indices
   * @param n how many of each
   * @throws NullPointerException if a key or value is null (the entries before it are put)
   */
  public void putAll(K[] keys, V[] values, int n) {
    if (keys.length < n || values.length < n) {
      throw new IllegalArgumentException(n + " entries from " + keys.length + " keys and "
          + values.length + " values");
    }
    for (int i : slotOrder(keys, n)) {
      put(keys[i], values[i]);
    }
  }

  @Override
  void takeValues(OpenKeys<K, V> other) {
    values = ((CompactMap<K, V>) other).values;
  }

  @Override
  void moveValue(int from, int to) {
    RefChunks.set(values, to, RefChunks.get(values, from));
    RefChunks.set(values, from, null);
  }

  @Override
  Object resizeValues(int capacity) {
    Object[][] old = values;
    values = RefChunks.of(capacity);
    return old;
  }

  @Override
  void copyValue(Object old, int from, int to) {
    RefChunks.set(values, to, RefChunks.get((Object[][]) old, from));
  }

  @Override
  @SuppressWarnings("unchecked")
  V valueAt(int slot) {
    return (V) RefChunks.get(values, slot);
  }

  @Override
  V setValueAt(int slot, V value) {
    if (value == null) {
      throw new NullPointerException("value");
    }
    V old = valueAt(slot);
    RefChunks.set(values, slot, value);
    return old;
  }

  @Override
  void clearValue(int slot) {
    RefChunks.set(values, slot, null);
  }
}
