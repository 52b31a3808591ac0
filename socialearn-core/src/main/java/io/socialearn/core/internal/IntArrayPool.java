package io.socialearn.core.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One int array object for each distinct content given, as {@link ListPool} does for lists: for
 * read models that hold many short arrays of the same few contents (a question's tag indices).
 * The arrays handed out are shared, so their holders must never change them. Arrays given stay
 * pooled while the pool lives. Not thread-safe: guarded by its owner.
 */
public final class IntArrayPool {
  private final Map<Key, int[]> pool = new HashMap<>();

  /** An array compared by content, with a hash that mixes each element ({@link ListPool#mix}). */
  private static final class Key {
    final int[] array;
    final int hash;

    Key(int[] array) {
      this.array = array;
      int h = array.length;
      for (int element : array) {
        h = ListPool.mix(h, element);
      }
      this.hash = h;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.hash == hash && Arrays.equals(k.array, array);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /**
   * The pooled array equal to {@code array}: the first one given with its content, which the
   * pool keeps (so {@code array} itself if none was).
   *
   * @param array an array no one changes from now on
   * @return an array equal to it, the same object for equal contents
   */
  public int[] pooled(int[] array) {
    return pool.computeIfAbsent(new Key(array), k -> k.array);
  }

  /**
   * How many distinct arrays the pool holds.
   *
   * @return the count
   */
  public int size() {
    return pool.size();
  }
}
