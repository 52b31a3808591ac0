package io.socialearn.lucene;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;

/**
 * The term states (where a term's postings start, its document and total frequencies) of the
 * large segments, kept across searches and across refreshes. A search word is looked up in four
 * fields of every segment, a seek in each terms dictionary: at 1,000,000 posts (16 segments) the
 * look-ups were a third of a typical search. A segment's terms never change (deletes do not
 * touch them), so its states are kept by the segment's core key until the segment is closed
 * (merged away and no longer searched); the small segments that refreshes keep adding, cheap to
 * look up, are not kept. At most {@link #CAPACITY} terms are kept in all; past that, a term is
 * looked up as if there were no cache (the first terms kept are the ones many searches share).
 * The states are those {@link TermStates#build} finds, so scores are unchanged. Thread-safe.
 */
final class SegmentTermStates {
  /** The most (segment, term) states kept, about 150 bytes each. */
  static final int CAPACITY = 32_768;
  /** Segments with fewer documents are looked up every time. */
  static final int MIN_SEGMENT_DOCS = 16_384;

  private static final Entry ABSENT = new Entry(null, 0, 0);

  private final ConcurrentHashMap<IndexReader.CacheKey, ConcurrentHashMap<Term, Entry>> segments =
      new ConcurrentHashMap<>();
  private final AtomicInteger size = new AtomicInteger();
  private final int capacity;
  private final int minSegmentDocs;

  SegmentTermStates() {
    this(CAPACITY, MIN_SEGMENT_DOCS);
  }

  SegmentTermStates(int capacity, int minSegmentDocs) {
    this.capacity = capacity;
    this.minSegmentDocs = minSegmentDocs;
  }

  /** A term's state in one segment; {@code state} null if the segment lacks the term. */
  private record Entry(TermState state, int docFreq, long totalTermFreq) {}

  /** The term's states in every segment of {@code top}, for a {@code TermQuery}. */
  TermStates states(IndexReaderContext top, Term term) throws IOException {
    TermStates states = new TermStates(top);
    for (LeafReaderContext leaf : top.leaves()) {
      Entry entry = entry(leaf.reader(), term);
      if (entry.state != null) {
        states.register(entry.state, leaf.ord, entry.docFreq, entry.totalTermFreq);
      }
    }
    return states;
  }

  /** How many (segment, term) states are kept. For tests. */
  int size() {
    return size.get();
  }

  private Entry entry(LeafReader reader, Term term) throws IOException {
    IndexReader.CacheHelper core = reader.getCoreCacheHelper();
    ConcurrentHashMap<Term, Entry> kept = null;
    if (core != null && reader.maxDoc() >= minSegmentDocs) {
      kept = segments.get(core.getKey());
      if (kept == null) {
        kept = segments.computeIfAbsent(core.getKey(), key -> new ConcurrentHashMap<>());
        core.addClosedListener(this::forget);
      }
      Entry entry = kept.get(term);
      if (entry != null) {
        return entry;
      }
    }
    Entry entry = lookUp(reader, term);
    if (kept != null && size.get() < capacity && kept.putIfAbsent(term, entry) == null) {
      size.incrementAndGet();
    }
    return entry;
  }

  private void forget(IndexReader.CacheKey key) {
    ConcurrentHashMap<Term, Entry> kept = segments.remove(key);
    if (kept != null) {
      size.addAndGet(-kept.size());
    }
  }

  private static Entry lookUp(LeafReader reader, Term term) throws IOException {
    Terms terms = reader.terms(term.field());
    if (terms == null) {
      return ABSENT;
    }
    TermsEnum termsEnum = terms.iterator();
    if (!termsEnum.seekExact(term.bytes())) {
      return ABSENT;
    }
    return new Entry(termsEnum.termState(), termsEnum.docFreq(), termsEnum.totalTermFreq());
  }
}
