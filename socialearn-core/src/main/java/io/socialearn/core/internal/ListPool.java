package io.socialearn.core.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One immutable list object for each distinct content given, so that the many rows holding the
 * same short list (a thread's tags: a community has a few thousand combinations of tags for a
 * million threads) hold one object between them, not one each. Lists compare by content, so
 * sharing one is invisible to those who hold it. Lists given stay pooled while the pool lives,
 * whether or not anything holds them still: a pool holds no more lists than it was given
 * distinct ones. Not thread-safe: guarded by its owner.
 *
 * @param <E> the elements
 */
public final class ListPool<E> {
  private final Map<Key, List<E>> pool = new HashMap<>();

  /**
   * A list with a hash code that mixes each element's: a list's own hash code is a weak
   * polynomial, under which tags named alike ("topic-12" and "topic-13") make many pairs collide,
   * enough to fill a hash map's bins with trees of equal hashes.
   */
  private static final class Key {
    final List<?> list;
    final int hash;

    Key(List<?> list) {
      this.list = list;
      int h = list.size();
      for (int i = 0, n = list.size(); i < n; i++) {
        h = mix(h, list.get(i).hashCode());
      }
      this.hash = h;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.hash == hash && k.list.equals(list);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** {@code h} with the hash {@code element} of one more element mixed in. */
  static int mix(int h, int element) {
    int mixed = (h ^ element) * 0x9E3779B9;
    return mixed ^ (mixed >>> 16);
  }

  /**
   * The pooled list of {@code elements}, in order.
   *
   * @param elements the elements, none null; the array is not kept
   * @return an immutable list equal to them, the same object for the same elements
   */
  public List<E> of(E[] elements) {
    return pooled(List.of(elements));
  }

  /**
   * The pooled list equal to {@code list}.
   *
   * @param list a list without nulls
   * @return an immutable list equal to it, the same object for equal lists
   */
  public List<E> pooled(List<E> list) {
    List<E> held = pool.get(new Key(list));
    if (held != null) {
      return held;
    }
    List<E> kept = List.copyOf(list);
    pool.put(new Key(kept), kept);
    return kept;
  }

  /**
   * Takes {@code other}'s lists, as they are, leaving it empty: the owner took over the rows
   * that hold them.
   *
   * @param other the pool to empty into this one
   */
  public void takeOver(ListPool<E> other) {
    pool.clear();
    pool.putAll(other.pool);
    other.pool.clear();
  }

  /**
   * How many distinct lists the pool holds.
   *
   * @return the count
   */
  public int size() {
    return pool.size();
  }
}
