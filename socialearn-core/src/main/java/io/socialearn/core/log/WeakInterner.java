package io.socialearn.core.log;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * One shared object per value, held weakly: {@link #intern} returns an equal object already held
 * if one is still alive, else holds the given one. A value lives only as long as something else
 * holds it; a collected one leaves the table at the next call.
 *
 * <p>One weak reference (with its hash) per value in an open-addressed table: about 40 bytes a
 * value, against about 85 for a {@link java.util.WeakHashMap} from each value to a weak reference
 * to itself. Thread-safe: every call locks a private object.
 *
 * @param <T> the values: immutable, with {@code equals} and {@code hashCode} by value
 */
final class WeakInterner<T> {
  private static final int MIN_CAPACITY = 16;

  /** A weak reference that remembers its referent's hash, to find its slot once cleared. */
  private static final class Ref<T> extends WeakReference<T> {
    final int hash;

    Ref(T value, int hash, ReferenceQueue<T> queue) {
      super(value, queue);
      this.hash = hash;
    }
  }

  private final Object lock = new Object();
  private final ReferenceQueue<T> cleared = new ReferenceQueue<>();
  /** Linear probing; a slot is null or holds a reference, cleared or not. Guarded by lock. */
  private Ref<T>[] table = newTable(MIN_CAPACITY);
  /** The references in the table, cleared ones not yet taken out included. Guarded by lock. */
  private int size;

  /**
   * The object held for a value equal to {@code value}, or {@code value} itself, which is held
   * from now on.
   *
   * @param value a value, not null
   * @return an equal object: the same one for equal values for as long as it is alive
   */
  T intern(T value) {
    int hash = spread(value.hashCode());
    synchronized (lock) {
      expunge();
      int mask = table.length - 1;
      int slot = hash & mask;
      for (Ref<T> ref = table[slot]; ref != null; ref = table[slot]) {
        if (ref.hash == hash) {
          T held = ref.get();
          if (held != null && held.equals(value)) {
            return held;
          }
        }
        slot = (slot + 1) & mask;
      }
      table[slot] = new Ref<>(value, hash, cleared);
      if (++size > table.length - (table.length >> 2)) {
        rehash(table.length * 2);
      }
      return value;
    }
  }

  /** How many values the table holds, counting collected ones it has not yet taken out. */
  int size() {
    synchronized (lock) {
      expunge();
      return size;
    }
  }

  /**
   * Clears and enqueues the reference to the held object identical to {@code value}, as the
   * collector would once nothing else held it: for tests, which cannot make it collect.
   *
   * @return whether {@code value} was held
   */
  boolean clearAsCollected(T value) {
    synchronized (lock) {
      for (Ref<T> ref : table) {
        if (ref != null && ref.refersTo(value)) {
          ref.enqueue(); // Clears it too.
          return true;
        }
      }
      return false;
    }
  }

  /** Takes every reference the collector cleared out of the table. */
  private void expunge() {
    for (Object polled = cleared.poll(); polled != null; polled = cleared.poll()) {
      remove((Ref<?>) polled);
    }
  }

  /** Removes {@code gone} and shifts back the entries after it that probed past its slot. */
  private void remove(Ref<?> gone) {
    int mask = table.length - 1;
    int slot = gone.hash & mask;
    while (table[slot] != gone) {
      if (table[slot] == null) {
        return; // Already dropped by a rehash.
      }
      slot = (slot + 1) & mask;
    }
    int hole = slot;
    for (int next = (hole + 1) & mask; table[next] != null; next = (next + 1) & mask) {
      int home = table[next].hash & mask;
      // Move the entry back unless its home lies cyclically in (hole, next].
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        table[hole] = table[next];
        hole = next;
      }
    }
    table[hole] = null;
    size--;
  }

  /** Copies the live references into a table of {@code capacity} slots, dropping cleared ones. */
  private void rehash(int capacity) {
    Ref<T>[] old = table;
    table = newTable(capacity);
    size = 0;
    int mask = capacity - 1;
    for (Ref<T> ref : old) {
      if (ref != null && !ref.refersTo(null)) {
        int slot = ref.hash & mask;
        while (table[slot] != null) {
          slot = (slot + 1) & mask;
        }
        table[slot] = ref;
        size++;
      }
    }
    if (size < capacity >> 3 && capacity > MIN_CAPACITY) {
      rehash(Math.max(MIN_CAPACITY, Integer.highestOneBit(size) * 4));
    }
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  @SuppressWarnings("unchecked")
  private static <T> Ref<T>[] newTable(int capacity) {
    return (Ref<T>[]) new Ref<?>[capacity];
  }
}
