package io.socialearn.lucene;

import io.socialearn.api.space.SpaceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
import org.apache.lucene.util.FixedBitSet;
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
 * <p>How it stays cheap. In a segment sorted by space ({@link LuceneSearchIndex#INDEX_SORT}) each
 * space's threads are one run of documents. A segment's documents never change, so its figures
 * per run (each field's documents and length, and, in large segments, each term's documents
 * per run) are counted once, over every document, deleted or not, and kept by the segment's
 * core until it is merged away; any viewer's figure is then a sum over their readable runs.
 * Deletions only grow while a segment lives: what they take off (per run) is counted over the
 * deleted documents alone (a term's postings and the deleted documents skipping to each other)
 * and kept per segment reader, each new reader of a segment counting only the documents deleted
 * since the reader before it. A segment the viewer
 * reads whole takes a term's document frequency from its terms dictionary. Small segments, and
 * terms past the {@link Cache}'s capacity, are counted by walking the term's postings within the
 * readable runs. {@link #searcher} hands the sums to Lucene's scoring. Thread-safe.
 */
final class ScopedStatistics {
  private final IndexSearcher base;
  private final List<BytesRef> spaces;
  private final Cache cache;
  /** Per leaf (by ord): what this viewer reads of it. */
  private final LeafScope[] leaves;
  private final Map<Term, Integer> docFreqs = new ConcurrentHashMap<>();
  private final Map<String, long[]> fields = new ConcurrentHashMap<>();
  private volatile Weight readable;

  private ScopedStatistics(IndexSearcher base, List<BytesRef> spaces, Cache cache)
      throws IOException {
    this.base = base;
    this.spaces = spaces;
    this.cache = cache;
    List<LeafReaderContext> contexts = base.getIndexReader().leaves();
    this.leaves = new LeafScope[contexts.size()];
    for (LeafReaderContext leaf : contexts) {
      leaves[leaf.ord] = scope(leaf);
    }
  }

  /**
   * The statistics of {@code readable}'s threads on {@code base}'s reader, each segment's counts
   * kept in {@code cache} (null: counted afresh).
   */
  static ScopedStatistics of(IndexSearcher base, Set<SpaceId> readable, Cache cache) {
    TreeSet<BytesRef> spaces = new TreeSet<>();
    readable.forEach(space -> spaces.add(new BytesRef(space.value())));
    try {
      return new ScopedStatistics(base, List.copyOf(spaces), cache);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    Integer known = docFreqs.get(term);
    if (known != null) {
      return known;
    }
    long count = 0;
    try {
      for (LeafScope leaf : leaves) {
        count += leaf.docFreq(term);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    docFreqs.put(term, (int) count);
    return (int) count;
  }

  /** How many readable, live threads there are. */
  int docs() {
    return (int) field("")[0];
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

  /** {count, total length} of the readable, live threads with {@code field} ("": all). */
  private long[] field(String field) {
    long[] known = fields.get(field);
    if (known != null) {
      return known;
    }
    long[] sum = new long[2];
    try {
      for (LeafScope leaf : leaves) {
        leaf.addField(field, sum);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    fields.put(field, sum);
    return sum;
  }

  private LeafScope scope(LeafReaderContext leaf) throws IOException {
    LeafReader reader = leaf.reader();
    if (!SpaceRangesQuery.runsOf(Fields.SPACE, reader.getMetaData().getSort())) {
      return new LeafScope(leaf, null, null, null);
    }
    Core core = cache == null ? null : cache.core(reader);
    if (core == null) {
      core = new Core(reader, null);
    }
    boolean[] runs = new boolean[core.spaces.length];
    for (int run = 0; run < runs.length; run++) {
      runs[run] = Collections.binarySearch(spaces, core.spaces[run]) >= 0;
    }
    Deleted deleted = null;
    if (reader.getLiveDocs() != null) {
      deleted = cache == null ? null : cache.deleted(reader, core);
      if (deleted == null) {
        deleted = new Deleted(reader, core, null, null);
      }
    }
    return new LeafScope(leaf, core, deleted, runs);
  }

  /** The readable documents of a segment (deleted ones included), or null for none. */
  private DocIdSetIterator readable(LeafReaderContext leaf) throws IOException {
    Weight weight = readable;
    if (weight == null) {
      weight = base.createWeight(new SpaceRangesQuery(Fields.SPACE, spaces),
          ScoreMode.COMPLETE_NO_SCORES, 1f);
      readable = weight;
    }
    Scorer scorer = weight.scorer(leaf);
    return scorer == null ? null : scorer.iterator();
  }

  /** What one viewer reads of one segment. */
  private final class LeafScope {
    final LeafReaderContext leaf;
    /** The segment's figures per space run; null if it is not sorted by space. */
    final Core core;
    /** What its deletions take off; null if it has none (or is not sorted by space). */
    final Deleted deleted;
    /** Per run of {@code core}, whether the viewer reads it. */
    final boolean[] runs;
    final boolean whole;
    final boolean none;

    LeafScope(LeafReaderContext leaf, Core core, Deleted deleted, boolean[] runs) {
      this.leaf = leaf;
      this.core = core;
      this.deleted = deleted;
      this.runs = runs;
      boolean all = runs != null;
      boolean any = false;
      for (int run = 0; runs != null && run < runs.length; run++) {
        all &= runs[run];
        any |= runs[run];
      }
      this.whole = all;
      this.none = runs != null && !any;
    }

    int docFreq(Term term) throws IOException {
      if (none) {
        return 0;
      }
      Sought sought = new Sought(leaf.reader(), term);
      if (core == null) {
        return walk(sought);
      }
      int[] all = core.term(sought, whole);
      if (all == null) {
        return walk(sought);
      }
      int count = sum(all);
      if (deleted != null) {
        int[] gone = deleted.term(sought);
        if (gone == null) {
          return walk(sought);
        }
        count -= sum(gone);
      }
      return count;
    }

    /** The sum of sparse {run, count} pairs over the readable runs (a total if all are). */
    private int sum(int[] pairs) {
      int count = 0;
      for (int i = 0; i < pairs.length; i += 2) {
        if (pairs[i] < 0 || runs[pairs[i]]) {
          count += pairs[i + 1];
        }
      }
      return count;
    }

    void addField(String field, long[] sum) throws IOException {
      if (none) {
        return;
      }
      if (core == null) {
        walkField(field, sum);
        return;
      }
      long[][] all = core.field(leaf.reader(), field);
      long[][] gone = deleted == null ? null : deleted.field(field);
      for (int run = 0; run < runs.length; run++) {
        if (runs[run]) {
          sum[0] += all[0][run] - (gone == null ? 0 : gone[0][run]);
          sum[1] += all[1][run] - (gone == null ? 0 : gone[1][run]);
        }
      }
    }

    /** The readable, live documents holding the term, found one by one. */
    private int walk(Sought term) throws IOException {
      PostingsEnum postings = term.postings();
      if (postings == null) {
        return 0;
      }
      DocIdSetIterator docs = readable(leaf);
      return docs == null ? 0
          : count(ConjunctionUtils.intersectIterators(List.of(postings, docs)),
              leaf.reader().getLiveDocs());
    }

    /** The field's figures over the readable, live documents, found one by one. */
    private void walkField(String field, long[] sum) throws IOException {
      DocIdSetIterator docs = readable(leaf);
      if (docs == null) {
        return;
      }
      Bits live = leaf.reader().getLiveDocs();
      Lengths lengths = Lengths.of(leaf.reader(), field);
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = docs.nextDoc()) {
        if ((live == null || live.get(doc)) && lengths.advanceExact(doc)) {
          sum[0]++;
          sum[1] += lengths.length();
        }
      }
    }
  }

  /** A term in one segment, sought in its terms dictionary at most once, when first needed. */
  private static final class Sought {
    final LeafReader reader;
    final Term term;
    private TermsEnum termsEnum;
    private boolean sought;
    private boolean found;

    Sought(LeafReader reader, Term term) {
      this.reader = reader;
      this.term = term;
    }

    private boolean found() throws IOException {
      if (!sought) {
        sought = true;
        Terms terms = reader.terms(term.field());
        termsEnum = terms == null ? null : terms.iterator();
        found = termsEnum != null && termsEnum.seekExact(term.bytes());
      }
      return found;
    }

    /** How many documents, deleted or not, hold the term. */
    int docFreq() throws IOException {
      return found() ? termsEnum.docFreq() : 0;
    }

    /** The term's postings (a new enum each call), or null if no document holds it. */
    PostingsEnum postings() throws IOException {
      return found() ? termsEnum.postings(null, PostingsEnum.NONE) : null;
    }
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

  /** A field's length per document: its norm, or for the tag field, its number of tags. */
  private abstract static class Lengths {
    abstract boolean advanceExact(int doc) throws IOException;

    abstract long length() throws IOException;

    /** Every document (of no length), or none. */
    private static Lengths all(boolean every) {
      return new Lengths() {
        @Override
        boolean advanceExact(int doc) {
          return every;
        }

        @Override
        long length() {
          return 0;
        }
      };
    }

    /** The lengths in {@code field}; "" counts every document, of no length. */
    static Lengths of(LeafReader reader, String field) throws IOException {
      if (field.isEmpty() || reader.getFieldInfos().fieldInfo(field) == null) {
        return all(field.isEmpty());
      }
      NumericDocValues norms = reader.getNormValues(field);
      if (norms != null) {
        return new Lengths() {
          @Override
          boolean advanceExact(int doc) throws IOException {
            return norms.advanceExact(doc);
          }

          @Override
          long length() throws IOException {
            return SmallFloat.byte4ToInt((byte) norms.longValue());
          }
        };
      }
      if (Fields.TAG.equals(field)) {
        SortedSetDocValues tags = DocValues.getSortedSet(reader, Fields.TAG);
        return new Lengths() {
          @Override
          boolean advanceExact(int doc) throws IOException {
            return tags.advanceExact(doc);
          }

          @Override
          long length() {
            return tags.docValueCount();
          }
        };
      }
      throw new IllegalStateException("no lengths kept for field " + field);
    }
  }

  /**
   * A segment's figures per space run, over all its documents (deleted or not), which never
   * change while the segment lives: its runs, each field's documents and length per run, and
   * (kept in large segments only) each term's documents per run.
   */
  static final class Core {
    /** The cache that bounds the terms kept; null: none kept. */
    private final Cache cache;
    /** Each run's space, in document order. */
    final BytesRef[] spaces;
    /** Each run's first document, and (last) the end of the last run. */
    final int[] starts;
    private final Map<String, long[][]> fields = new ConcurrentHashMap<>();
    private final Map<Term, int[]> terms = new ConcurrentHashMap<>();

    /**
     * Counted from {@code reader}; the figures hold for every reader of its segment, so none is
     * kept (a reader may close while its segment lives on in a newer one).
     */
    Core(LeafReader reader, Cache cache) throws IOException {
      this.cache = cache;
      List<BytesRef> found = new ArrayList<>();
      List<int[]> runs = new ArrayList<>();
      Terms spaceTerms = reader.terms(Fields.SPACE);
      if (spaceTerms != null) {
        TermsEnum termsEnum = spaceTerms.iterator();
        PostingsEnum postings = null;
        for (BytesRef space = termsEnum.next(); space != null; space = termsEnum.next()) {
          postings = termsEnum.postings(postings, PostingsEnum.NONE);
          int first = postings.nextDoc();
          found.add(BytesRef.deepCopyOf(space));
          runs.add(new int[] {first, first + termsEnum.docFreq(), found.size() - 1});
        }
      }
      runs.sort((a, b) -> Integer.compare(a[0], b[0]));
      spaces = new BytesRef[runs.size()];
      starts = new int[runs.size() + 1];
      for (int run = 0; run < runs.size(); run++) {
        spaces[run] = found.get(runs.get(run)[2]);
        starts[run] = runs.get(run)[0];
      }
      starts[runs.size()] = runs.isEmpty() ? 0 : runs.get(runs.size() - 1)[1];
    }

    /** The run that holds {@code doc}, or -1 for a document in none. */
    int runOf(int doc) {
      int at = Arrays.binarySearch(starts, doc);
      int run = at >= 0 ? at : -at - 2;
      return run < 0 || run >= spaces.length ? -1 : run;
    }

    /**
     * {documents, length} per run of the documents with {@code field} ("": all), read from
     * {@code reader}, a reader of this segment.
     */
    long[][] field(LeafReader reader, String field) throws IOException {
      long[][] kept = fields.get(field);
      if (kept == null) {
        kept = new long[2][spaces.length];
        Lengths lengths = Lengths.of(reader, field);
        for (int run = 0; run < spaces.length; run++) {
          for (int doc = starts[run]; doc < starts[run + 1]; doc++) {
            if (lengths.advanceExact(doc)) {
              kept[0][run]++;
              kept[1][run] += lengths.length();
            }
          }
        }
        fields.put(field, kept);
      }
      return kept;
    }

    /**
     * The documents holding {@code term}, as {run, count} pairs for the runs with any; when the
     * viewer reads the whole segment and the counts per run are not kept, the total as a single
     * pair {-1, count}. Null when they are not kept and cannot be (a small segment, or the cache
     * full), and the term should be counted within the readable runs instead.
     */
    int[] term(Sought term, boolean whole) throws IOException {
      int[] kept = terms.get(term.term);
      if (kept != null) {
        return kept;
      }
      if (whole) {
        return new int[] {-1, term.docFreq()};
      }
      if (cache == null || term.reader.maxDoc() < cache.minSegmentDocs || cache.full()) {
        return null;
      }
      return cache.keep(terms, term.term, perRun(term.postings()));
    }

    /** {run, count} pairs of the documents {@code docs} (null: none) visits. */
    private int[] perRun(DocIdSetIterator docs) throws IOException {
      int[] counts = new int[spaces.length];
      int nonZero = 0;
      if (docs != null) {
        int run = 0;
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = docs.nextDoc()) {
          while (run < spaces.length && starts[run + 1] <= doc) {
            run++;
          }
          if (run == spaces.length) {
            break;
          }
          if (doc >= starts[run] && counts[run]++ == 0) {
            nonZero++;
          }
        }
      }
      return pairs(counts, nonZero);
    }
  }

  private static int[] pairs(int[] counts, int nonZero) {
    int[] pairs = new int[2 * nonZero];
    int at = 0;
    for (int run = 0; run < counts.length; run++) {
      if (counts[run] > 0) {
        pairs[at++] = run;
        pairs[at++] = counts[run];
      }
    }
    return pairs;
  }

  /**
   * What a segment's deletions (as one reader of it sees them) take off its {@link Core}
   * figures: the deleted documents' figures per run. Counted from the deleted documents alone,
   * and for a reader that follows another of the same segment, from those deleted since.
   */
  static final class Deleted {
    private final LeafReader reader;
    private final Core core;
    private final Cache cache;
    /** The deleted documents, ascending. */
    private final int[] docs;
    /**
     * The terms counted for the segment's reader before this one (null: none to extend), and
     * the documents deleted since: only its counts are held, not the reader before it, so no
     * chain of readers builds up.
     */
    private final Map<Term, int[]> earlier;
    /** The fields counted for the reader before this one, or null. */
    private final Map<String, long[][]> earlierFields;
    private final int[] since;
    private final Map<String, long[][]> fields = new ConcurrentHashMap<>();
    private final Map<Term, int[]> terms = new ConcurrentHashMap<>();

    /** What a later reader of the segment extends: the deleted documents and their terms. */
    record Counted(int[] docs, Map<Term, int[]> terms, Map<String, long[][]> fields) {}

    Deleted(LeafReader reader, Core core, Cache cache, Counted before) {
      this.reader = reader;
      this.core = core;
      this.cache = cache;
      this.docs = deletedDocs(reader.getLiveDocs());
      if (before != null && isSubset(before.docs(), docs)) {
        this.earlier = before.terms();
        this.earlierFields = before.fields();
        this.since = difference(docs, before.docs());
      } else {
        this.earlier = null;
        this.earlierFields = null;
        this.since = docs;
      }
    }

    long[][] field(String field) throws IOException {
      long[][] kept = fields.get(field);
      if (kept == null) {
        long[][] counted = earlierFields == null ? null : earlierFields.get(field);
        kept = counted == null ? new long[2][core.spaces.length]
            : new long[][] {counted[0].clone(), counted[1].clone()};
        Lengths lengths = Lengths.of(reader, field);
        for (int doc : counted == null ? docs : since) {
          int run = core.runOf(doc);
          if (run >= 0 && lengths.advanceExact(doc)) {
            kept[0][run]++;
            kept[1][run] += lengths.length();
          }
        }
        fields.put(field, kept);
      }
      return kept;
    }

    /**
     * The deleted documents holding {@code term}, as {run, count} pairs; null when they are not
     * kept and cannot be (a small segment, or the cache full).
     */
    int[] term(Sought term) throws IOException {
      int[] kept = terms.get(term.term);
      if (kept != null) {
        return kept;
      }
      if (cache == null || reader.maxDoc() < cache.minSegmentDocs || cache.full()) {
        return null;
      }
      int[] counts = new int[core.spaces.length];
      int[] counted = earlier == null ? null : earlier.get(term.term);
      int[] among = docs;
      if (counted != null) {
        for (int i = 0; i < counted.length; i += 2) {
          counts[counted[i]] += counted[i + 1];
        }
        among = since;
      }
      PostingsEnum postings = term.postings();
      if (postings != null) {
        // leapfrog: the postings skip to the next deleted document, the deleted documents (by
        // binary search) to the next posting, so a rare term costs little however many are gone
        int i = 0;
        int run = 0;
        for (int doc = among.length == 0 ? DocIdSetIterator.NO_MORE_DOCS
            : postings.advance(among[0]); doc != DocIdSetIterator.NO_MORE_DOCS; ) {
          if (among[i] < doc) {
            int at = Arrays.binarySearch(among, i + 1, among.length, doc);
            i = at >= 0 ? at : -at - 1;
            if (i == among.length) {
              break;
            }
          }
          if (among[i] == doc) {
            while (run < core.spaces.length && core.starts[run + 1] <= doc) {
              run++;
            }
            if (run < core.spaces.length && doc >= core.starts[run]) {
              counts[run]++;
            }
            if (++i == among.length) {
              break;
            }
          }
          doc = postings.advance(among[i]);
        }
      }
      int nonZero = 0;
      for (int count : counts) {
        nonZero += count > 0 ? 1 : 0;
      }
      return cache.keep(terms, term.term, pairs(counts, nonZero));
    }

    /** The documents {@code live} leaves out, ascending; a word at a time if it is a bit set. */
    static int[] deletedDocs(Bits live) {
      int maxDoc = live.length();
      int[] found = new int[16];
      int n = 0;
      long[] words = live instanceof FixedBitSet bits ? bits.getBits() : null;
      for (int doc = 0; doc < maxDoc; doc++) {
        if (words != null) {
          // skip to the next clear bit of the word, or past the word if none
          long gone = ~words[doc >> 6] >>> (doc & 63);
          if (gone == 0) {
            doc |= 63;
            continue;
          }
          doc += Long.numberOfTrailingZeros(gone);
          if (doc >= maxDoc) {
            break;
          }
        } else if (live.get(doc)) {
          continue;
        }
        if (n == found.length) {
          found = Arrays.copyOf(found, 2 * n);
        }
        found[n++] = doc;
      }
      return Arrays.copyOf(found, n);
    }

    /** What a later reader of the segment extends. */
    Counted counted() {
      return new Counted(docs, terms, fields);
    }

    private static boolean isSubset(int[] small, int[] large) {
      int j = 0;
      for (int doc : small) {
        while (j < large.length && large[j] < doc) {
          j++;
        }
        if (j == large.length || large[j] != doc) {
          return false;
        }
      }
      return true;
    }

    private static int[] difference(int[] all, int[] less) {
      int[] out = new int[all.length - less.length];
      int n = 0;
      int j = 0;
      for (int doc : all) {
        if (j < less.length && less[j] == doc) {
          j++;
        } else {
          out[n++] = doc;
        }
      }
      return out;
    }
  }

  /**
   * Each open segment's {@link Core} figures (by its core, until it closes) and each segment
   * reader's {@link Deleted} ones (by the reader, until it closes; the latest reader of a
   * segment is remembered so that the next counts only what was deleted since). Terms' counts
   * are kept for segments of at least {@code minSegmentDocs} documents, at most {@code capacity}
   * bytes of them in all; past that, a term is counted within the readable runs as if there were
   * no cache. A reader's counts stay reachable from the next reader of its segment until that
   * one closes, so up to about twice the capacity can be held for a moment. Thread-safe.
   */
  static final class Cache {
    /**
     * The most bytes of terms' counts a cache holds (as estimated: {@value #ENTRY_BYTES} a term
     * and its key's bytes, and 8 bytes a run the term is in).
     */
    static final long CAPACITY = 32L << 20;
    /** A kept term's bytes besides its key's bytes and its counts: map node, term, arrays. */
    static final int ENTRY_BYTES = 120;
    /** Segments with fewer documents count their terms afresh. */
    static final int MIN_SEGMENT_DOCS = 16_384;

    private final long capacity;
    final int minSegmentDocs;
    private final AtomicLong size = new AtomicLong();
    private final ConcurrentHashMap<IndexReader.CacheKey, Core> cores =
        new ConcurrentHashMap<>();
    private final ConcurrentHashMap<IndexReader.CacheKey, Deleted> readers =
        new ConcurrentHashMap<>();
    /**
     * Per core, the latest reader's deleted documents and terms counted (what a newer reader
     * extends), without the reader, which may close first.
     */
    private final ConcurrentHashMap<IndexReader.CacheKey, Deleted.Counted> latest =
        new ConcurrentHashMap<>();

    Cache(long capacity, int minSegmentDocs) {
      this.capacity = capacity;
      this.minSegmentDocs = minSegmentDocs;
    }

    /** The segment's figures, kept while its core is open; null if it cannot be told apart. */
    Core core(LeafReader reader) throws IOException {
      IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
      if (helper == null) {
        return null;
      }
      Core core = cores.get(helper.getKey());
      if (core == null) {
        Core made = new Core(reader, this);
        core = cores.putIfAbsent(helper.getKey(), made);
        if (core == null) {
          core = made;
          helper.addClosedListener(this::forgetCore);
        }
      }
      return core;
    }

    /** The reader's deletions' figures; null if the reader cannot be told apart. */
    Deleted deleted(LeafReader reader, Core core) {
      IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
      IndexReader.CacheHelper coreHelper = reader.getCoreCacheHelper();
      if (helper == null || coreHelper == null) {
        return null;
      }
      Deleted deleted = readers.get(helper.getKey());
      if (deleted == null) {
        Deleted made = new Deleted(reader, core, this, latest.get(coreHelper.getKey()));
        deleted = readers.putIfAbsent(helper.getKey(), made);
        if (deleted == null) {
          deleted = made;
          latest.put(coreHelper.getKey(), made.counted());
          helper.addClosedListener(this::forgetReader);
        }
      }
      return deleted;
    }

    private boolean full() {
      return size.get() >= capacity;
    }

    /**
     * {@code pairs} for {@code term}, kept in {@code terms} if there is room (or the pairs another
     * caller kept first).
     */
    private int[] keep(Map<Term, int[]> terms, Term term, int[] pairs) {
      long bytes = bytes(term, pairs);
      if (size.addAndGet(bytes) > capacity) {
        size.addAndGet(-bytes);
        return pairs;
      }
      int[] first = terms.putIfAbsent(term, pairs);
      if (first != null) {
        size.addAndGet(-bytes);
        return first;
      }
      return pairs;
    }

    private static long bytes(Term term, int[] pairs) {
      return ENTRY_BYTES + term.bytes().length + 4L * pairs.length;
    }

    private void release(Map<Term, int[]> terms) {
      long bytes = 0;
      for (Map.Entry<Term, int[]> kept : terms.entrySet()) {
        bytes += bytes(kept.getKey(), kept.getValue());
      }
      size.addAndGet(-bytes);
    }

    private void forgetCore(IndexReader.CacheKey key) {
      Core core = cores.remove(key);
      if (core != null) {
        release(core.terms);
      }
      latest.remove(key);
    }

    private void forgetReader(IndexReader.CacheKey key) {
      Deleted deleted = readers.remove(key);
      if (deleted != null) {
        release(deleted.terms);
      }
    }

    /** How many bytes of terms' counts the cache holds (as estimated). */
    long size() {
      return size.get();
    }

    /** How many segments it holds figures for. */
    int segments() {
      return cores.size();
    }
  }
}
