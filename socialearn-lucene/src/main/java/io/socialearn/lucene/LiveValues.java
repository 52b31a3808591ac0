package io.socialearn.lucene;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.FieldComparatorSource;
import org.apache.lucene.search.LeafFieldComparator;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.Scorable;

/**
 * One long per thread key, held in memory and read at sort time: the live vote scores and the
 * last activity, which change too often to rewrite documents for.
 *
 * <p>One writer (the applying thread) and many readers: the array reference is volatile and
 * grows by copying; a reader may see a value one write old, never a torn one, and sees every
 * value written before the index's checkpoint it read (the checkpoint is volatile).
 *
 * <p>Beside the values, an upper bound per block of {@link #BLOCK} consecutive keys: never below
 * any value of its block nor below zero, raised before a value above it is written, never
 * lowered (a lowered value leaves it stale-high, still a bound), so a sort can skip documents
 * whose keys' blocks cannot reach its current bottom ({@link VoteBounds}). A reader that reads
 * {@link #values()} before {@link #bounds()} gets bounds at least as new as its values.
 */
final class LiveValues {
  /** log2 of the number of keys per bound. */
  static final int BLOCK_SHIFT = 8;
  /** Keys per bound. */
  static final int BLOCK = 1 << BLOCK_SHIFT;

  private volatile long[] values = new long[1024];
  private volatile long[] bounds = new long[1024 >> BLOCK_SHIFT];

  long get(int key) {
    long[] current = values;
    return key < current.length ? current[key] : 0;
  }

  void set(int key, long value) {
    long[] current = values;
    int block = key >>> BLOCK_SHIFT;
    if (key >= current.length) {
      current = Arrays.copyOf(current, Math.max(key + 1, current.length * 2));
      long[] grown = Arrays.copyOf(bounds, (current.length >>> BLOCK_SHIFT) + 1);
      grown[block] = Math.max(grown[block], value);
      bounds = grown;
      current[key] = value;
      values = current;
    } else {
      long[] currentBounds = bounds;
      if (value > currentBounds[block]) {
        currentBounds[block] = value;
      }
      current[key] = value;
    }
  }

  void add(int key, long delta) {
    set(key, get(key) + delta);
  }

  /** Sets every value to zero; the bounds stay (stale-high, still bounds). */
  void clear() {
    values = new long[values.length];
  }

  /** The values by key, read by sorts; keys past its end hold zero. */
  long[] values() {
    return values;
  }

  /**
   * The bound of each block of {@link #BLOCK} keys (block {@code key >>> BLOCK_SHIFT}); blocks
   * past its end hold only zeros. Read after {@link #values()}, it bounds every value read from
   * that array.
   */
  long[] bounds() {
    return bounds;
  }

  /** The bound of {@code key}'s block. For tests. */
  long bound(int key) {
    long[] current = bounds;
    int block = key >>> BLOCK_SHIFT;
    return block < current.length ? current[block] : 0;
  }

  /** Sorts documents by this value, through their {@link Fields#KEY} doc values. */
  FieldComparatorSource comparatorSource() {
    return new FieldComparatorSource() {
      @Override
      public FieldComparator<Long> newComparator(String field, int numHits, Pruning pruning,
          boolean reversed) {
        return new Comparator(numHits);
      }
    };
  }

  /**
   * Compares documents by their key's value in the array read when each leaf starts ({@link
   * Leaf}); {@link VoteBounds} extends it with skipping.
   */
  class Comparator extends FieldComparator<Long> {
    final long[] slots;
    long bottom;
    private long top;

    Comparator(int numHits) {
      slots = new long[numHits];
    }

    @Override
    public int compare(int slot1, int slot2) {
      return Long.compare(slots[slot1], slots[slot2]);
    }

    @Override
    public void setTopValue(Long value) {
      top = value;
    }

    @Override
    public Long value(int slot) {
      return slots[slot];
    }

    @Override
    public LeafFieldComparator getLeafComparator(LeafReaderContext context) throws IOException {
      return new Leaf(context);
    }

    /** One leaf's comparisons, by the values as they were when the leaf started. */
    class Leaf implements LeafFieldComparator {
      private final NumericDocValues keys;
      private final long[] snapshot;

      Leaf(LeafReaderContext context) throws IOException {
        keys = DocValues.getNumeric(context.reader(), Fields.KEY);
        snapshot = values;
      }

      private long valueOf(int doc) throws IOException {
        if (!keys.advanceExact(doc)) {
          return 0;
        }
        int key = (int) keys.longValue();
        return key < snapshot.length ? snapshot[key] : 0;
      }

      @Override
      public void setBottom(int slot) {
        bottom = slots[slot];
      }

      @Override
      public int compareBottom(int doc) throws IOException {
        return Long.compare(bottom, valueOf(doc));
      }

      @Override
      public int compareTop(int doc) throws IOException {
        return Long.compare(top, valueOf(doc));
      }

      @Override
      public void copy(int slot, int doc) throws IOException {
        slots[slot] = valueOf(doc);
      }

      @Override
      public void setScorer(Scorable scorer) {}
    }
  }
}
