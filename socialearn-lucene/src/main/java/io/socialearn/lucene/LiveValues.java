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
 */
final class LiveValues {
  private volatile long[] values = new long[1024];

  long get(int key) {
    long[] current = values;
    return key < current.length ? current[key] : 0;
  }

  void set(int key, long value) {
    long[] current = values;
    if (key >= current.length) {
      current = Arrays.copyOf(current, Math.max(key + 1, current.length * 2));
      current[key] = value;
      values = current;
    } else {
      current[key] = value;
    }
  }

  void add(int key, long delta) {
    set(key, get(key) + delta);
  }

  void clear() {
    values = new long[1024];
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

  private final class Comparator extends FieldComparator<Long> {
    private final long[] slots;
    private long bottom;
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
      NumericDocValues keys = DocValues.getNumeric(context.reader(), Fields.KEY);
      long[] snapshot = values;
      return new LeafFieldComparator() {
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
      };
    }
  }
}
