package io.socialearn.lucene;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Finds a thread's live document by id in the searchers' current reader, for the applying
 * thread: the state to fold an event into, or the key a vote counts against.
 *
 * <p>A bulk import looks a thread up for most answers to a thread written before; a fresh terms
 * enumeration and doc-values iterator per segment per look-up made a fifth of the import's
 * garbage. So while the reader stays the same, each segment's enumeration and iterators are
 * kept and reused (an iterator is replaced only when asked for a document behind it). Not
 * thread-safe: used under the index's apply lock.
 */
final class ThreadLookup {
  private final SearcherManager searchers;
  /** The reader the per-segment state below belongs to; compared by identity only. */
  private IndexReader reader;
  private TermsEnum[] ids;
  private BinaryDocValues[] states;
  private NumericDocValues[] keys;
  private PostingsEnum postings;

  ThreadLookup(SearcherManager searchers) {
    this.searchers = searchers;
  }

  /** The current state of thread {@code id} in the index, or null if it holds none. */
  ThreadDoc state(String id) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      Found found = find(searcher.getIndexReader(), id);
      if (found == null) {
        return null;
      }
      BinaryDocValues values = states[found.leaf];
      if (values == null || values.docID() > found.doc) {
        values = DocValues.getBinary(found.reader, Fields.STORED);
        states[found.leaf] = values;
      }
      if (!values.advanceExact(found.doc)) {
        throw new IllegalStateException("thread document " + found.doc + " holds no state");
      }
      ThreadDoc thread = ThreadDoc.decode(values.binaryValue());
      // its vector, if any, goes on with it: a thread is embedded again only when edited
      thread.meaning = Meaning.read(found.reader, found.doc);
      return thread;
    } finally {
      searchers.release(searcher);
    }
  }

  /** The key of thread {@code id} in the index, or -1 if it holds none. */
  int key(String id) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      Found found = find(searcher.getIndexReader(), id);
      if (found == null) {
        return -1;
      }
      NumericDocValues values = keys[found.leaf];
      if (values == null || values.docID() > found.doc) {
        values = DocValues.getNumeric(found.reader, Fields.KEY);
        keys[found.leaf] = values;
      }
      return values.advanceExact(found.doc) ? (int) values.longValue() : -1;
    } finally {
      searchers.release(searcher);
    }
  }

  /** Where a live document is: its segment's place in the reader's leaves, and its doc id. */
  private record Found(int leaf, LeafReader reader, int doc) {}

  private Found find(IndexReader current, String id) throws IOException {
    List<LeafReaderContext> leaves = current.leaves();
    if (current != reader) {
      reader = current;
      ids = new TermsEnum[leaves.size()];
      states = new BinaryDocValues[leaves.size()];
      keys = new NumericDocValues[leaves.size()];
    }
    BytesRef term = new BytesRef(id);
    for (int i = 0; i < leaves.size(); i++) {
      LeafReader leaf = leaves.get(i).reader();
      TermsEnum terms = ids[i];
      if (terms == null) {
        Terms field = leaf.terms(Fields.ID);
        terms = field == null ? TermsEnum.EMPTY : field.iterator();
        ids[i] = terms;
      }
      if (!terms.seekExact(term)) {
        continue;
      }
      Bits live = leaf.getLiveDocs();
      postings = terms.postings(postings, PostingsEnum.NONE);
      for (int doc = postings.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS;
          doc = postings.nextDoc()) {
        if (live == null || live.get(doc)) {
          return new Found(i, leaf, doc);
        }
      }
    }
    return null;
  }
}
