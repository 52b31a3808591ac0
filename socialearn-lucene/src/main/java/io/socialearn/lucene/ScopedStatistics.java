package io.socialearn.lucene;

import io.socialearn.api.space.SpaceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;

/**
 * BM25's statistics over what one viewer may read: the live threads of their readable spaces,
 * instead of Lucene's over the whole index (every space, and the superseded versions of threads
 * that merges have not yet dropped). A term's document frequency, and a field's document count
 * and total length, then depend only on the threads the viewer can read, so the scores (and with
 * them the order) of their searches, similar questions and tag suggestions, and who knows'
 * similar-thread signal, never change with what a members-only space they are not in holds, nor
 * with when Lucene merged. A document's length is the one its norm holds (what BM25 compares with
 * the average); the tag field, which keeps no norms, counts each thread's tags.
 *
 * <p>Each figure is counted by walking the postings (or norms) of the readable, live documents:
 * for a term, as many documents as hold it in the readable spaces. A {@link Cache} keeps the
 * counts of one reader across the searches made on it, per set of readable spaces; a refresh
 * starts it anew. {@link #searcher} hands them to Lucene's scoring. Thread-safe.
 */
final class ScopedStatistics {
  private final IndexSearcher base;
  private final Scope scope;
  private final Cache cache;
  private volatile Weight readable;

  private ScopedStatistics(IndexSearcher base, Scope scope, Cache cache) {
    this.base = base;
    this.scope = scope;
    this.cache = cache;
  }

  /**
   * The statistics of {@code readable}'s threads on {@code base}'s reader, kept in {@code cache}
   * if it belongs to that reader (see {@link Cache#forReader}), else counted afresh.
   */
  static ScopedStatistics of(IndexSearcher base, Set<SpaceId> readable, Cache cache) {
    TreeSet<BytesRef> spaces = new TreeSet<>();
    readable.forEach(space -> spaces.add(new BytesRef(space.value())));
    Cache kept = cache != null && cache.key == GlobalOrdinals.keyOf(base.getIndexReader())
        ? cache : null;
    return new ScopedStatistics(base, new Scope(List.copyOf(spaces)), kept);
  }

  /** A searcher on the same reader that scores with these statistics. */
  IndexSearcher searcher() {
    IndexSearcher searcher = new IndexSearcher(base.getIndexReader()) {
      @Override
      public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) {
        return ScopedStatistics.this.termStatistics(term);
      }

      @Override
      public CollectionStatistics collectionStatistics(String field) {
        return ScopedStatistics.this.collectionStatistics(field);
      }
    };
    searcher.setSimilarity(base.getSimilarity());
    searcher.setQueryCache(base.getQueryCache());
    searcher.setQueryCachingPolicy(base.getQueryCachingPolicy());
    return searcher;
  }

  /** How many readable, live threads hold {@code term}. */
  int docFreq(Term term) {
    return (int) cached(new TermKey(scope, term), () -> {
      long count = 0;
      for (LeafReaderContext leaf : base.getIndexReader().leaves()) {
        count += docFreq(leaf, term);
      }
      return new long[] {count};
    })[0];
  }

  /** How many readable, live threads there are. */
  int docs() {
    return (int) field(null)[0];
  }

  /**
   * As Lucene's, over the readable, live threads; a placeholder document frequency of 1 if none
   * holds the term (Lucene asks only for terms some document holds, and scores with it only
   * documents that hold the term, none of which a search on this viewer's behalf keeps).
   */
  TermStatistics termStatistics(Term term) {
    long docFreq = Math.max(1, docFreq(term));
    return new TermStatistics(term.bytes(), docFreq, docFreq);
  }

  /**
   * As Lucene's, over the readable, live threads: their number with the field, and the sum of
   * their lengths in it; a placeholder of one document of length 1 if none has the field.
   */
  CollectionStatistics collectionStatistics(String field) {
    long[] counted = field(field);
    long docs = Math.max(1, counted[0]);
    long length = Math.max(docs, counted[1]);
    return new CollectionStatistics(field, docs, docs, length, docs);
  }

  /** {count, total length} of the readable, live threads with {@code field} (null: all). */
  private long[] field(String field) {
    return cached(new FieldKey(scope, field == null ? "" : field), () -> {
      long[] sum = new long[2];
      for (LeafReaderContext leaf : base.getIndexReader().leaves()) {
        addField(leaf, field, sum);
      }
      return sum;
    });
  }

  private interface Count {
    long[] count() throws IOException;
  }

  private long[] cached(Object key, Count count) {
    long[] found = cache == null ? null : cache.values.get(key);
    if (found == null) {
      try {
        found = count.count();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (cache != null) {
        cache.offer(key, found);
      }
    }
    return found;
  }

  private int docFreq(LeafReaderContext leaf, Term term) throws IOException {
    Terms terms = leaf.reader().terms(term.field());
    if (terms == null) {
      return 0;
    }
    TermsEnum termsEnum = terms.iterator();
    if (!termsEnum.seekExact(term.bytes())) {
      return 0;
    }
    DocIdSetIterator readableDocs = readable(leaf);
    if (readableDocs == null) {
      return 0;
    }
    PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
    return count(ConjunctionUtils.intersectIterators(List.of(postings, readableDocs)),
        leaf.reader().getLiveDocs());
  }

  private static int count(DocIdSetIterator docs, Bits live) throws IOException {
    int count = 0;
    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
      if (live == null || live.get(doc)) {
        count++;
      }
    }
    return count;
  }

  private void addField(LeafReaderContext leaf, String field, long[] sum) throws IOException {
    DocIdSetIterator readableDocs = readable(leaf);
    if (readableDocs == null) {
      return;
    }
    LeafReader reader = leaf.reader();
    Bits live = reader.getLiveDocs();
    if (field == null) {
      sum[0] += count(readableDocs, live);
      return;
    }
    NumericDocValues norms = reader.getNormValues(field);
    if (norms != null) {
      DocIdSetIterator docs = ConjunctionUtils.intersectIterators(List.of(norms, readableDocs));
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = docs.nextDoc()) {
        if (live == null || live.get(doc)) {
          sum[0]++;
          sum[1] += SmallFloat.byte4ToInt((byte) norms.longValue());
        }
      }
    } else if (Fields.TAG.equals(field)) {
      SortedSetDocValues tags = DocValues.getSortedSet(reader, Fields.TAG);
      DocIdSetIterator docs = ConjunctionUtils.intersectIterators(List.of(tags, readableDocs));
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = docs.nextDoc()) {
        if (live == null || live.get(doc)) {
          sum[0]++;
          sum[1] += tags.docValueCount();
        }
      }
    } else {
      throw new IllegalStateException("no lengths kept for field " + field);
    }
  }

  /** The readable documents of a segment (deleted ones included), or null for none. */
  private DocIdSetIterator readable(LeafReaderContext leaf) throws IOException {
    Weight weight = readable;
    if (weight == null) {
      weight = base.createWeight(new SpaceRangesQuery(Fields.SPACE, scope.spaces),
          ScoreMode.COMPLETE_NO_SCORES, 1f);
      readable = weight;
    }
    Scorer scorer = weight.scorer(leaf);
    return scorer == null ? null : scorer.iterator();
  }

  /** A set of readable spaces (sorted, distinct), its hash computed once. */
  private static final class Scope {
    final List<BytesRef> spaces;
    private final int hash;

    Scope(List<BytesRef> spaces) {
      this.spaces = spaces;
      this.hash = spaces.hashCode();
    }

    @Override
    public boolean equals(Object other) {
      return other == this || other instanceof Scope that && hash == that.hash
          && spaces.equals(that.spaces);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private record TermKey(Scope scope, Term term) {}

  private record FieldKey(Scope scope, String field) {}

  /**
   * The counts of one top-level reader (by its cache key), kept across the searches made on it:
   * per set of readable spaces, each term's document frequency and each field's count and
   * length. A refresh opens a new reader, whose live documents differ, so a cache belongs to one
   * reader and is replaced by a new, empty one for the next: see {@link #forReader}. It holds at
   * most its capacity in counts; past that, a count is made as if there were no cache.
   * Thread-safe.
   */
  static final class Cache {
    /** The most counts a cache holds (each about 150 bytes with its key). */
    static final int CAPACITY = 65_536;

    private final IndexReader.CacheKey key;
    private final int capacity;
    private final ConcurrentHashMap<Object, long[]> values = new ConcurrentHashMap<>();

    private Cache(IndexReader.CacheKey key, int capacity) {
      this.key = key;
      this.capacity = capacity;
    }

    /**
     * {@code current} if it belongs to {@code reader}, else a new, empty cache for it; null if
     * the reader has no cache key (then nothing is kept across searches).
     */
    static Cache forReader(Cache current, IndexReader reader, int capacity) {
      IndexReader.CacheKey key = GlobalOrdinals.keyOf(reader);
      if (key == null) {
        return null;
      }
      return current != null && current.key == key ? current : new Cache(key, capacity);
    }

    private void offer(Object key, long[] value) {
      if (values.size() < capacity) {
        values.putIfAbsent(key, value);
      }
    }

    /** How many counts the cache holds. */
    int size() {
      return values.size();
    }
  }
}
