package io.socialearn.core.internal;

/**
 * A {@link java.util.Map} from keys to ints, such as a dense index per post or person: {@link
 * CompactMap}'s open addressing with the values in an {@code int[]}, so an entry costs no {@link
 * Integer} either. {@link #getInt} reads without boxing. Keys and values are non-null; iteration
 * order is unspecified; removal through an iterator is not supported. Not thread-safe.
 *
 * @param <K> the keys
 */
public final class CompactIntMap<K> extends OpenKeys<K, Integer> {
  private static final int[] EMPTY = {};

  /** Set by the constructor through {@link #resizeValues}, so not initialised here. */
  private int[] values;

  /** An empty map. */
  public CompactIntMap() {
    super(0);
  }

  /**
   * The int {@code key} maps to, or {@code missing} if none.
   *
   * @param key the key
   * @param missing what to return for a key that is not there
   * @return the value
   */
  public int getInt(Object key, int missing) {
    int slot = slotOf(key);
    return slot < 0 ? missing : values[slot];
  }

  /**
   * Replaces this map's entries with {@code other}'s, leaving {@code other} empty, without
   * copying.
   *
   * @param other the map to empty into this one
   */
  public void takeOver(CompactIntMap<K> other) {
    moveFrom(other);
  }

  @Override
  void takeValues(OpenKeys<K, Integer> other) {
    values = ((CompactIntMap<K>) other).values;
  }

  @Override
  void moveValue(int from, int to) {
    values[to] = values[from];
  }

  @Override
  Object resizeValues(int capacity) {
    int[] old = values;
    values = capacity == 0 ? EMPTY : new int[capacity];
    return old;
  }

  @Override
  void copyValue(Object old, int from, int to) {
    values[to] = ((int[]) old)[from];
  }

  @Override
  Integer valueAt(int slot) {
    return values[slot];
  }

  @Override
  Integer setValueAt(int slot, Integer value) {
    int old = values[slot];
    values[slot] = value;
    return old;
  }

  @Override
  void clearValue(int slot) {
    values[slot] = 0;
  }
}
