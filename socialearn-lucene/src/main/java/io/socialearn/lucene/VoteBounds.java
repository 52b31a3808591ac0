package io.socialearn.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.FieldComparatorSource;
import org.apache.lucene.search.LeafFieldComparator;
import org.apache.lucene.search.Pruning;

/**
 * The votes order (live score, then newest, then key, all descending) with skipping: each
 * segment's documents are cut into blocks of {@link #DOC_BLOCK} doc ids, and a block whose
 * documents can neither score above the queue's bottom nor tie it while being newer is skipped
 * whole. A block's score bound is the highest {@link LiveValues#bounds() bound} of the key
 * blocks its documents hold, read live, so a vote shows at once; its newest creation is fixed
 * per segment. Searches scan the segments newest first ({@link #newestFirst}): with few votes
 * nearly every score ties, and after the newest segment's matches fill the queue the older
 * segments' blocks are skipped but for those holding a thread with votes.
 *
 * <p>Skips only once the collector has counted its threshold of hits and the queue is full, and
 * only documents strictly after the bottom in the whole order, so results and pages are those
 * of the plain order. Per-segment tables are built in the background when the index opens, when
 * a merge warms its segment, or else by the first search that skips in the segment (or orders
 * it), and dropped when the segment's core closes. Thread-safe.
 */
final class VoteBounds {
  /** log2 of the doc ids per block. */
  static final int DOC_SHIFT = 8;
  /** Doc ids per block. */
  static final int DOC_BLOCK = 1 << DOC_SHIFT;

  private final LiveValues votes;
  private final Map<IndexReader.CacheKey, Segment> segments = new ConcurrentHashMap<>();

  VoteBounds(LiveValues votes) {
    this.votes = votes;
  }

  /**
   * A segment's fixed tables: per doc block the highest creation sequence and the distinct key
   * blocks of its documents (deleted ones included).
   */
  static final class Segment {
    final int maxDoc;
    final long[] newest;
    final int[] keyStart;
    final int[] keyBlocks;
    final long segmentNewest;

    private Segment(int maxDoc, long[] newest, int[] keyStart, int[] keyBlocks) {
      this.maxDoc = maxDoc;
      this.newest = newest;
      this.keyStart = keyStart;
      this.keyBlocks = keyBlocks;
      long max = Long.MIN_VALUE;
      for (long value : newest) {
        max = Math.max(max, value);
      }
      this.segmentNewest = max;
    }

    static Segment build(LeafReader reader) throws IOException {
      int maxDoc = reader.maxDoc();
      int blocks = (maxDoc + DOC_BLOCK - 1) >>> DOC_SHIFT;
      NumericDocValues keys = DocValues.getNumeric(reader, Fields.KEY);
      NumericDocValues created = DocValues.getNumeric(reader, Fields.CREATED_SEQ);
      long[] newest = new long[blocks];
      int[] keyStart = new int[blocks + 1];
      int[] keyBlocks = new int[Math.max(16, blocks * 2)];
      int used = 0;
      int[] buffer = new int[DOC_BLOCK];
      for (int block = 0; block < blocks; block++) {
        int from = block << DOC_SHIFT;
        int to = Math.min(maxDoc, from + DOC_BLOCK);
        long max = Long.MIN_VALUE;
        int n = 0;
        for (int doc = from; doc < to; doc++) {
          // a document without a creation sorts as 0 (Lucene's missing value), without a key
          // as score 0, which every bound covers
          max = Math.max(max, created.advanceExact(doc) ? created.longValue() : 0);
          if (keys.advanceExact(doc)) {
            buffer[n++] = (int) keys.longValue() >>> LiveValues.BLOCK_SHIFT;
          }
        }
        newest[block] = max;
        Arrays.sort(buffer, 0, n);
        for (int i = 0; i < n; i++) {
          if (i == 0 || buffer[i] != buffer[i - 1]) {
            if (used == keyBlocks.length) {
              keyBlocks = Arrays.copyOf(keyBlocks, used * 2);
            }
            keyBlocks[used++] = buffer[i];
          }
        }
        keyStart[block + 1] = used;
      }
      return new Segment(maxDoc, newest, keyStart, Arrays.copyOf(keyBlocks, used));
    }

    /** The highest score any document of {@code block} may hold, by {@code bounds}. */
    long bound(int block, long[] bounds) {
      long bound = 0;
      for (int i = keyStart[block]; i < keyStart[block + 1]; i++) {
        int keyBlock = keyBlocks[i];
        if (keyBlock < bounds.length) {
          bound = Math.max(bound, bounds[keyBlock]);
        }
      }
      return bound;
    }
  }

  /** The tables of a leaf, built if not yet there. */
  Segment segment(LeafReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
    if (helper == null) {
      return Segment.build(reader);
    }
    Segment segment = segments.get(helper.getKey());
    if (segment == null) {
      segment = Segment.build(reader);
      if (segments.putIfAbsent(helper.getKey(), segment) == null) {
        helper.addClosedListener(segments::remove);
      }
    }
    return segment;
  }

  /** Builds a segment's tables ahead of its first search (as a merged segment's warmer). */
  void warm(LeafReader reader) throws IOException {
    segment(reader);
  }

  /** The leaves by their newest document, newest first (ties in their given order). */
  List<LeafReaderContext> newestFirst(List<LeafReaderContext> leaves) throws IOException {
    List<LeafReaderContext> ordered = new ArrayList<>(leaves);
    Map<LeafReaderContext, Long> newest = new java.util.HashMap<>();
    for (LeafReaderContext leaf : leaves) {
      newest.put(leaf, segment(leaf.reader()).segmentNewest);
    }
    ordered.sort(Comparator.comparing((LeafReaderContext leaf) -> newest.get(leaf)).reversed());
    return ordered;
  }

  /** Sorts documents by their live score, skipping blocks as above. */
  FieldComparatorSource comparatorSource() {
    return new FieldComparatorSource() {
      @Override
      public FieldComparator<Long> newComparator(String field, int numHits, Pruning pruning,
          boolean reversed) {
        // skipping assumes the descending order with newest-first ties that follow it
        return new Votes(numHits, reversed && pruning != Pruning.NONE);
      }
    };
  }

  /**
   * The live votes order ({@link LiveValues.Comparator}), plus each slot's creation and the
   * skipping.
   */
  private final class Votes extends LiveValues.Comparator {
    private final long[] created;
    private final boolean skipping;
    private long bottomCreated;
    private boolean hasBottom;
    private boolean thresholdReached;

    Votes(int numHits, boolean skipping) {
      votes.super(numHits);
      created = new long[numHits];
      this.skipping = skipping;
    }

    @Override
    public LeafFieldComparator getLeafComparator(LeafReaderContext context) throws IOException {
      return new Leaf(context);
    }

    private final class Leaf extends LiveValues.Comparator.Leaf {
      private final NumericDocValues createdValues;
      private final LeafReader reader;
      /** Read after the values (in the super constructor): they bound every value read. */
      private final long[] bounds;
      private final Skipper skipper;
      /** The leaf's tables, fetched when skipping starts (a search counting every hit never). */
      private Segment segment;

      Leaf(LeafReaderContext context) throws IOException {
        super(context);
        reader = context.reader();
        createdValues = DocValues.getNumeric(reader, Fields.CREATED_SEQ);
        bounds = votes.bounds();
        skipper = skipping ? new Skipper(reader.maxDoc()) : null;
      }

      @Override
      public void setBottom(int slot) {
        super.setBottom(slot);
        bottomCreated = created[slot];
        hasBottom = true;
      }

      @Override
      public void copy(int slot, int doc) throws IOException {
        super.copy(slot, doc);
        if (skipping) {
          created[slot] = createdValues.advanceExact(doc) ? createdValues.longValue() : 0;
        }
      }

      @Override
      public void setHitsThresholdReached() {
        thresholdReached = true;
      }

      @Override
      public DocIdSetIterator competitiveIterator() {
        return skipper;
      }

      /** Whether a document of {@code block} may come before the bottom. */
      private boolean competitive(int block) {
        long bound = segment.bound(block, bounds);
        return bound > bottom || (bound == bottom && segment.newest[block] >= bottomCreated);
      }

      /** The doc ids of the blocks that may still reach the queue. */
      private final class Skipper extends DocIdSetIterator {
        private final int maxDoc;
        private int doc = -1;
        /** The last block found competitive; checked again only when the bottom moved. */
        private int block = -1;
        private long checkedBottom;
        private long checkedCreated;

        Skipper(int maxDoc) {
          this.maxDoc = maxDoc;
        }

        @Override
        public int docID() {
          return doc;
        }

        @Override
        public int nextDoc() throws IOException {
          return advance(doc + 1);
        }

        @Override
        public int advance(int target) throws IOException {
          if (target >= maxDoc) {
            return doc = NO_MORE_DOCS;
          }
          if (!thresholdReached || !hasBottom) {
            return doc = target;
          }
          if (segment == null) {
            segment = segment(reader);
          }
          int at = target >>> DOC_SHIFT;
          if (at == block && bottom == checkedBottom && bottomCreated == checkedCreated) {
            return doc = target;
          }
          int blocks = segment.newest.length;
          while (at < blocks && !competitive(at)) {
            at++;
          }
          if (at == blocks) {
            return doc = NO_MORE_DOCS;
          }
          block = at;
          checkedBottom = bottom;
          checkedCreated = bottomCreated;
          return doc = Math.max(target, at << DOC_SHIFT);
        }

        @Override
        public long cost() {
          return maxDoc;
        }
      }
    }
  }
}
