package io.socialearn.core.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Arrays;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The keys of an open-addressing hash map: a power-of-two table (in {@link RefChunks}) probed
 * linearly, with deletion by shifting the rest of a cluster back (no tombstones), kept at most
 * two thirds full (keys' hashes are not stored, so every probe calls {@code equals}: fuller
 * tables probe too long). A subclass keeps the values in a parallel table of its own type, moved
 * by {@link #moveValue} and {@link #resizeValues}. About 12 to 24 bytes an entry with a
 * reference value, against 36 to 44 for a {@link java.util.HashMap} node and its slot. Not
 * thread-safe.
 *
 * @param <K> the keys, non-null, with a consistent {@code hashCode} and {@code equals}
 * @param <V> the values as the {@link Map} view gives them
 */
abstract class OpenKeys<K, V> extends AbstractMap<K, V> {
  /**
   * The keys, null for a free slot, in {@link RefChunks} (a big map's slots are not one humongous
   * array); none until the first put.
   */
  private Object[][] keys = RefChunks.NONE;
  /** How many slots {@link #keys} has: zero or a power of two. */
  private int capacity;
  private int size;
  /** Counts changes of which keys are where, so that an iterator notices them. */
  private int modCount;
  private transient Set<Map.Entry<K, V>> entries;

  OpenKeys(int expected) {
    if (expected > 0) {
      allocate(capacityFor(expected));
    } else {
      resizeValues(0);
    }
  }

  /** Moves the value at slot {@code from} to slot {@code to}, clearing {@code from}. */
  abstract void moveValue(int from, int to);

  /** Replaces the values with an array of {@code capacity} empty slots, returning the old one. */
  abstract Object resizeValues(int capacity);

  /** Puts the value at {@code from} of the old values {@code old} at slot {@code to}. */
  abstract void copyValue(Object old, int from, int to);

  /** The value at a used slot, boxed as the map view gives it. */
  abstract V valueAt(int slot);

  /** Sets the value at a used slot from its boxed form, returning the old one boxed. */
  abstract V setValueAt(int slot, V value);

  /** Clears the value at a slot (frees what it refers to). */
  abstract void clearValue(int slot);

  @Override
  public final int size() {
    return size;
  }

  @Override
  public final boolean containsKey(Object key) {
    return slotOf(key) >= 0;
  }

  @Override
  public final V get(Object key) {
    int slot = slotOf(key);
    return slot < 0 ? null : valueAt(slot);
  }

  @Override
  public final V put(K key, V value) {
    Objects.requireNonNull(value, "value");
    int slot = insertSlot(key);
    if (slot >= 0) {
      return setValueAt(slot, value);
    }
    setValueAt(-slot - 1, value);
    return null;
  }

  /** As {@link Map#computeIfPresent}, in one probe of the table. */
  @Override
  public final V computeIfPresent(K key,
      BiFunction<? super K, ? super V, ? extends V> remapping) {
    Objects.requireNonNull(remapping, "remapping");
    int slot = slotOf(key);
    if (slot < 0) {
      return null;
    }
    int expected = modCount;
    V changed = remapping.apply(key, valueAt(slot));
    return settle(slot, changed, expected);
  }

  /** As {@link Map#computeIfAbsent}, in one probe of the table when the key is there. */
  @Override
  public final V computeIfAbsent(K key, Function<? super K, ? extends V> mapping) {
    Objects.requireNonNull(mapping, "mapping");
    int slot = slotOf(key);
    if (slot >= 0) {
      return valueAt(slot);
    }
    V made = mapping.apply(key);
    if (made != null) {
      put(key, made);
    }
    return made;
  }

  /** Sets the slot to a remapping's result, or removes it for null; fails if the map changed. */
  private V settle(int slot, V result, int expected) {
    if (expected != modCount) {
      throw new ConcurrentModificationException();
    }
    if (result == null) {
      removeAt(slot);
    } else {
      setValueAt(slot, result);
    }
    return result;
  }

  /** As {@link Map#merge}, in one probe of the table. */
  @Override
  public final V merge(K key, V value,
      BiFunction<? super V, ? super V, ? extends V> remapping) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(remapping, "remapping");
    int slot = insertSlot(key);
    if (slot < 0) {
      setValueAt(-slot - 1, value);
      return value;
    }
    int expected = modCount;
    return settle(slot, remapping.apply(valueAt(slot), value), expected);
  }

  @Override
  public final V remove(Object key) {
    int slot = slotOf(key);
    if (slot < 0) {
      return null;
    }
    V old = valueAt(slot);
    removeAt(slot);
    return old;
  }

  /**
   * Makes room for {@code expected} entries in all, so that filling the map up to that many never
   * grows it; a map already that large is left as it is.
   *
   * @param expected how many entries the map will hold
   */
  public final void reserve(int expected) {
    int wanted = capacityFor(expected);
    if (wanted > capacity) {
      allocate(wanted);
    }
  }

  /**
   * The order in which to put the first {@code n} of {@code keys} so that this table, given room
   * for them all first, is filled front to back rather than at random: their indices, sorted by
   * home slot, then by index (so that of equal keys the later one is put last, as putting them
   * one by one in index order would leave it).
   *
   * @param keys the keys, none null
   * @param n how many of them
   * @return the indices in that order
   */
  final int[] slotOrder(Object[] keys, int n) {
    reserve(size + n);
    int mask = capacity - 1;
    long[] order = new long[n];
    for (int i = 0; i < n; i++) {
      order[i] = (long) (hash(Objects.requireNonNull(keys[i], "key")) & mask) << 32 | i;
    }
    Arrays.sort(order);
    int[] indices = new int[n];
    for (int i = 0; i < n; i++) {
      indices[i] = (int) order[i];
    }
    return indices;
  }

  @Override
  public final void putAll(Map<? extends K, ? extends V> other) {
    int wanted = capacityFor(size + other.size());
    if (wanted > capacity) {
      // Room first: filling a small table in another table's slot order makes long clusters.
      allocate(wanted);
    }
    super.putAll(other);
  }

  /**
   * Replaces this map's entries with {@code other}'s, leaving {@code other} empty, without
   * copying (as start-up does with a decoded snapshot's maps).
   */
  final void moveFrom(OpenKeys<K, V> other) {
    keys = other.keys;
    capacity = other.capacity;
    size = other.size;
    takeValues(other);
    other.keys = RefChunks.NONE;
    other.capacity = 0;
    other.size = 0;
    other.resizeValues(0);
    modCount++;
    other.modCount++;
  }

  /** Takes {@code other}'s values array (of the same subclass) as this map's. */
  abstract void takeValues(OpenKeys<K, V> other);

  @Override
  public final void clear() {
    if (size > 0) {
      keys = RefChunks.NONE;
      capacity = 0;
      resizeValues(0);
      size = 0;
      modCount++;
    }
  }

  /** The slot holding {@code key}, or -1 (always for null, which no entry has: as a lookup). */
  final int slotOf(Object key) {
    if (size == 0 || key == null) {
      return -1;
    }
    Object[][] k = keys;
    int mask = capacity - 1;
    for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
      Object held = k[i >>> RefChunks.SHIFT][i & RefChunks.MASK];
      if (held == null) {
        return -1;
      }
      if (held == key || held.equals(key)) {
        return i;
      }
    }
  }

  /**
   * The slot holding {@code key}, or {@code -(slot) - 1} for the free slot it now holds (its value
   * still to be set), growing the table first if need be.
   */
  final int insertSlot(K key) {
    Objects.requireNonNull(key, "key");
    if (capacity == 0 || (size + 1) * 3L > capacity * 2L) {
      int found = slotOf(key);
      if (found >= 0) {
        return found;
      }
      allocate(Math.max(capacityFor(size + 1), capacity * 2));
    }
    Object[][] k = keys;
    int mask = capacity - 1;
    for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
      Object[] chunk = k[i >>> RefChunks.SHIFT];
      Object held = chunk[i & RefChunks.MASK];
      if (held == null) {
        chunk[i & RefChunks.MASK] = key;
        size++;
        modCount++;
        return -i - 1;
      }
      if (held == key || held.equals(key)) {
        return i;
      }
    }
  }

  /** Frees a used slot and shifts back the entries of its cluster that probed past it. */
  final void removeAt(int slot) {
    Object[][] k = keys;
    int mask = capacity - 1;
    int free = slot;
    for (int i = (free + 1) & mask; RefChunks.get(k, i) != null; i = (i + 1) & mask) {
      Object held = RefChunks.get(k, i);
      int home = hash(held) & mask;
      // The entry at i may fill the free slot if its home is not in (free, i] cyclically.
      if (((i - home) & mask) >= ((i - free) & mask)) {
        RefChunks.set(k, free, held);
        moveValue(i, free);
        free = i;
      }
    }
    RefChunks.set(k, free, null);
    clearValue(free);
    size--;
    modCount++;
  }

  /**
   * Each entry in slot order, with no entry object made for it (the map views' iterators make
   * one each); fails if {@code action} changes which keys the map holds.
   */
  @Override
  @SuppressWarnings("unchecked")
  public final void forEach(BiConsumer<? super K, ? super V> action) {
    Objects.requireNonNull(action, "action");
    int expected = modCount;
    Object[][] k = keys;
    for (int i = 0, slots = capacity; i < slots; i++) {
      Object key = RefChunks.get(k, i);
      if (key != null) {
        action.accept((K) key, valueAt(i));
        if (expected != modCount) {
          throw new ConcurrentModificationException();
        }
      }
    }
  }

  /** Replaces each value with {@code f}'s result for it (not null), as {@link #forEach} walks. */
  @Override
  @SuppressWarnings("unchecked")
  public final void replaceAll(BiFunction<? super K, ? super V, ? extends V> f) {
    Objects.requireNonNull(f, "f");
    int expected = modCount;
    Object[][] k = keys;
    for (int i = 0, slots = capacity; i < slots; i++) {
      Object key = RefChunks.get(k, i);
      if (key != null) {
        V replaced = Objects.requireNonNull(f.apply((K) key, valueAt(i)), "value");
        if (expected != modCount) {
          throw new ConcurrentModificationException();
        }
        setValueAt(i, replaced);
      }
    }
  }

  /** Drops the room beyond what the entries need at two thirds full. */
  public final void trimToSize() {
    int fits = size == 0 ? 0 : capacityFor(size);
    if (fits < capacity) {
      allocate(fits);
    }
  }

  private void allocate(int slots) {
    Object[][] old = keys;
    int oldSlots = capacity;
    Object oldValues = resizeValues(slots);
    modCount++;
    keys = RefChunks.of(slots);
    capacity = slots;
    int mask = slots - 1;
    for (int from = 0; from < oldSlots; from++) {
      Object key = RefChunks.get(old, from);
      if (key != null) {
        int i = hash(key) & mask;
        while (RefChunks.get(keys, i) != null) {
          i = (i + 1) & mask;
        }
        RefChunks.set(keys, i, key);
        copyValue(oldValues, from, i);
      }
    }
  }

  /** The smallest power of two that holds {@code entries} at most two thirds full. */
  private static int capacityFor(int entries) {
    long needed = Math.max(4, (entries * 3L + 1) / 2);
    if (needed > 1 << 30) {
      throw new IllegalStateException("too many entries: " + entries);
    }
    return Integer.highestOneBit((int) needed - 1) << 1;
  }

  /** The key's hash, spread so that keys whose hashes differ only high up still spread. */
  private static int hash(Object key) {
    int h = key.hashCode() * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  @Override
  public final Set<Map.Entry<K, V>> entrySet() {
    Set<Map.Entry<K, V>> view = entries;
    if (view == null) {
      view = new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
          return new Slots();
        }

        @Override
        public int size() {
          return size;
        }
      };
      entries = view;
    }
    return view;
  }

  /**
   * The entries in slot order; removal through the iterator is not supported (it could shift an
   * entry the walk has passed back before it), and a change of the keys fails the next step.
   */
  private final class Slots implements Iterator<Map.Entry<K, V>> {
    private final Object[][] walked = keys;
    private final int slots = capacity;
    private final int expected = modCount;
    private int next = advance(0);

    private int advance(int from) {
      int i = from;
      while (i < slots && RefChunks.get(walked, i) == null) {
        i++;
      }
      return i;
    }

    @Override
    public boolean hasNext() {
      return next < slots;
    }

    @Override
    public Map.Entry<K, V> next() {
      if (next >= slots) {
        throw new NoSuchElementException();
      }
      if (expected != modCount) {
        throw new ConcurrentModificationException();
      }
      int slot = next;
      next = advance(slot + 1);
      @SuppressWarnings("unchecked")
      K key = (K) RefChunks.get(walked, slot);
      return new Entry(key, slot);
    }
  }

  /** An entry whose {@code setValue} writes through to its slot while the table is unchanged. */
  private final class Entry extends AbstractMap.SimpleEntry<K, V> {
    private static final long serialVersionUID = 1L;
    private final int expected = modCount;
    private final int slot;

    Entry(K key, int slot) {
      super(key, valueAt(slot));
      this.slot = slot;
    }

    @Override
    public V setValue(V value) {
      if (expected != modCount) {
        throw new ConcurrentModificationException();
      }
      setValueAt(slot, value);
      return super.setValue(value);
    }
  }
}
