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
        Comparator comparator = new Comparator(numHits, keys, tieFields);
        LAST_CREATED.set(comparator);
        return comparator;
      }
    };
  }

  /**
   * The comparator of one of the fields that follow a {@link #comparatorSource} field in its
   * sort: {@code index} is the tie field's place in its {@code ties}, or their number for the
   * key. It keeps no values of its own but reads those the live comparator copied into its
   * slots (a queue of a first page over threads that tie on the live value replaces its bottom
   * at almost every document, and each field copying and decoding its own doc values was most
   * of the sort's cost); it reads a document's own value only to compare it to a cursor's.
   * Must directly follow the live field and its earlier ties in the same sort: the comparators
   * of one sort are created in order by one thread, which is how it finds its live comparator.
   */
  static FieldComparatorSource tieSource(SegmentKeys keys, String field, int index) {
    return new FieldComparatorSource() {
      @Override
      public FieldComparator<Long> newComparator(String name, int numHits, Pruning pruning,
          boolean reversed) {
        LiveValues.Comparator live = LAST_CREATED.get();
        if (live == null || live.slots.length != numHits) {
          throw new IllegalStateException("a tie field must follow its live field");
        }
        if (index == live.tieSlots.length) {
          LAST_CREATED.remove();
        }
        return new Follower(live, keys, field, index);
      }
    };
  }

  private static int[] newTieDocs(int count) {
    int[] docs = new int[count];
    Arrays.fill(docs, -1);
    return docs;
  }

  /** The live comparator this thread created last, for the tie fields that follow it. */
  private static final ThreadLocal<Comparator> LAST_CREATED = new ThreadLocal<>();

  private static final class Follower extends FieldComparator<Long> {
    private final Comparator live;
    private final SegmentKeys segmentKeys;
    private final String field;
    private final int index;
    private long top;

    Follower(Comparator live, SegmentKeys segmentKeys, String field, int index) {
      this.live = live;
      this.segmentKeys = segmentKeys;
      this.field = field;
      this.index = index;
    }

    private long slotValue(int slot) {
      return index < live.tieSlots.length ? live.tieSlots[index][slot] : live.keySlots[slot];
    }

    @Override
    public int compare(int slot1, int slot2) {
      return Long.compare(slotValue(slot1), slotValue(slot2));
    }

    @Override
    public void setTopValue(Long value) {
      top = value;
    }

    @Override
    public Long value(int slot) {
      return slotValue(slot);
    }

    @Override
    public LeafFieldComparator getLeafComparator(LeafReaderContext context) throws IOException {
      int[] keys = index < live.tieSlots.length ? null : segmentKeys.keys(context.reader());
      NumericDocValues values = keys != null ? null
          : DocValues.getNumeric(context.reader(), field);
      return new LeafFieldComparator() {
        private int bottomSlot;

        private long valueOf(int doc) throws IOException {
          if (keys != null) {
            return Math.max(0, keys[doc]);
          }
          return values.advanceExact(doc) ? values.longValue() : 0;
        }

        @Override
        public void setBottom(int slot) {
          bottomSlot = slot;
        }

        @Override
        public int compareBottom(int doc) throws IOException {
          return Long.compare(slotValue(bottomSlot), valueOf(doc));
        }

        @Override
        public int compareTop(int doc) throws IOException {
          return Long.compare(top, valueOf(doc));
        }

        @Override
        public void copy(int slot, int doc) {
          // the live comparator copies this field's value into its own slots
        }

        @Override
        public void setScorer(Scorable scorer) {}
      };
    }
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

        /** The tie values of {@link #tieDoc}: a doc that beats the bottom is copied next. */
        private final long[] tieCache = new long[tieValues.length];
        private final int[] tieDoc = newTieDocs(tieValues.length);

        private long tieOf(int i, int doc) throws IOException {
          if (tieDoc[i] == doc) {
            return tieCache[i];
          }
          NumericDocValues tie = tieValues[i];
          long value = tie.advanceExact(doc) ? tie.longValue() : 0;
          tieDoc[i] = doc;
          tieCache[i] = value;
          return value;
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
