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
