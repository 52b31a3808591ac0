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

  /**
   * Sorts documents by this value, then by the numeric doc values {@code ties} in order, then by
   * their {@link Fields#KEY}, all in the same direction: the sort this source's field starts
   * must go on with exactly those fields, in that order and direction. Its values (and the
   * cursors made of them) are this value alone, and a cursor's ties are left to the following
   * fields; but deciding whether a document beats the queue's bottom, it compares the whole
   * order itself, from per-segment key arrays ({@code keys}), so the many documents that tie on
   * this value (most threads hold no votes) cost two array reads and one doc-values read rather
   * than a doc-values look-up per field through each field's comparator.
   */
  FieldComparatorSource comparatorSource(SegmentKeys keys, String... ties) {
    String[] tieFields = ties.clone();
    return new FieldComparatorSource() {
      @Override
      public FieldComparator<Long> newComparator(String field, int numHits, Pruning pruning,
          boolean reversed) {
        return new Comparator(numHits, keys, tieFields);
      }
    };
  }

  private final class Comparator extends FieldComparator<Long> {
    private final SegmentKeys segmentKeys;
    private final String[] tieFields;
    private final long[] slots;
    private final long[][] tieSlots;
    private final int[] keySlots;
    private long bottom;
    private int bottomSlot;
    private long top;

    Comparator(int numHits, SegmentKeys segmentKeys, String[] tieFields) {
      this.segmentKeys = segmentKeys;
      this.tieFields = tieFields;
      slots = new long[numHits];
      tieSlots = new long[tieFields.length][numHits];
      keySlots = new int[numHits];
    }

    @Override
    public int compare(int slot1, int slot2) {
      int c = Long.compare(slots[slot1], slots[slot2]);
      for (int i = 0; c == 0 && i < tieSlots.length; i++) {
        c = Long.compare(tieSlots[i][slot1], tieSlots[i][slot2]);
      }
      return c != 0 ? c : Integer.compare(keySlots[slot1], keySlots[slot2]);
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
      int[] keys = segmentKeys.keys(context.reader());
      NumericDocValues[] tieValues = new NumericDocValues[tieFields.length];
      for (int i = 0; i < tieValues.length; i++) {
        tieValues[i] = DocValues.getNumeric(context.reader(), tieFields[i]);
      }
      long[] snapshot = values;
      return new LeafFieldComparator() {
        private long valueOf(int doc) {
          int key = keys[doc];
          return key >= 0 && key < snapshot.length ? snapshot[key] : 0;
        }

        private long tieOf(int i, int doc) throws IOException {
          NumericDocValues tie = tieValues[i];
          return tie.advanceExact(doc) ? tie.longValue() : 0;
        }

        @Override
        public void setBottom(int slot) {
          bottom = slots[slot];
          bottomSlot = slot;
        }

        @Override
        public int compareBottom(int doc) throws IOException {
          int c = Long.compare(bottom, valueOf(doc));
          for (int i = 0; c == 0 && i < tieValues.length; i++) {
            c = Long.compare(tieSlots[i][bottomSlot], tieOf(i, doc));
          }
          return c != 0 ? c : Integer.compare(keySlots[bottomSlot], Math.max(0, keys[doc]));
        }

        @Override
        public int compareTop(int doc) {
          return Long.compare(top, valueOf(doc));
        }

        @Override
        public void copy(int slot, int doc) throws IOException {
          slots[slot] = valueOf(doc);
          for (int i = 0; i < tieValues.length; i++) {
            tieSlots[i][slot] = tieOf(i, doc);
          }
          keySlots[slot] = Math.max(0, keys[doc]);
        }

        @Override
        public void setScorer(Scorable scorer) {}
      };
    }
  }
}
