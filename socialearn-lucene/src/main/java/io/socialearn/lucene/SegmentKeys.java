package io.socialearn.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Each segment's {@link Fields#KEY} doc values as an {@code int[]} by document, so a sort by a
 * {@link LiveValues} reads two arrays per document instead of decoding doc values. A document's
 * key is never updated in place (only the saved vote scores are), so an array belongs to the
 * segment's core and lives as long as it: loaded on a segment's first sort, dropped when the core
 * closes. Four bytes per document. Thread-safe.
 */
final class SegmentKeys {
  /** The key of a document without one; keys are never negative. */
  static final int MISSING = -1;

  private final Map<IndexReader.CacheKey, int[]> cache = new ConcurrentHashMap<>();

  /** The keys of {@code reader}'s documents by document number, {@link #MISSING} for none. */
  int[] keys(LeafReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
    if (helper == null) {
      return load(reader);
    }
    IndexReader.CacheKey core = helper.getKey();
    int[] found = cache.get(core);
    if (found != null) {
      return found;
    }
    int[] loaded = load(reader);
    found = cache.putIfAbsent(core, loaded);
    if (found != null) {
      return found;
    }
    helper.addClosedListener(cache::remove);
    return loaded;
  }

  /** How many segments' keys are held. For tests. */
  int size() {
    return cache.size();
  }

  private static int[] load(LeafReader reader) throws IOException {
    int[] keys = new int[reader.maxDoc()];
    Arrays.fill(keys, MISSING);
    NumericDocValues values = DocValues.getNumeric(reader, Fields.KEY);
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = values.nextDoc()) {
      keys[doc] = (int) values.longValue();
    }
    return keys;
  }
}
