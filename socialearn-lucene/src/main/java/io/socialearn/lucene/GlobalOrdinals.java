package io.socialearn.lucene;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * For one top-level reader, maps each segment's ordinals of the facet fields (tags, space,
 * state) to ordinals shared by all segments, which follow the values' sort order. Facet counting
 * then counts into one array and turns only the reported ordinals into strings, instead of
 * merging every segment's values by string on each search. Built once per reader (after each
 * refresh) and shared by the searches on it. Thread-safe (immutable after construction).
 */
final class GlobalOrdinals {
  final IndexReader.CacheKey key;
  final OrdinalMap tags;
  final OrdinalMap spaces;
  final OrdinalMap states;

  private GlobalOrdinals(IndexReader.CacheKey key, OrdinalMap tags, OrdinalMap spaces,
      OrdinalMap states) {
    this.key = key;
    this.tags = tags;
    this.spaces = spaces;
    this.states = states;
  }

  /** The cache key of {@code reader}, or null if it has none. */
  static IndexReader.CacheKey keyOf(IndexReader reader) {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    return helper == null ? null : helper.getKey();
  }

  static GlobalOrdinals of(IndexReader reader) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    int n = leaves.size();
    SortedSetDocValues[] tags = new SortedSetDocValues[n];
    SortedDocValues[] spaces = new SortedDocValues[n];
    SortedDocValues[] states = new SortedDocValues[n];
    for (int i = 0; i < n; i++) {
      tags[i] = DocValues.getSortedSet(leaves.get(i).reader(), Fields.TAG);
      spaces[i] = DocValues.getSorted(leaves.get(i).reader(), Fields.SPACE);
      states[i] = DocValues.getSorted(leaves.get(i).reader(), Fields.STATE);
    }
    IndexReader.CacheKey key = keyOf(reader);
    return new GlobalOrdinals(key, OrdinalMap.build(key, tags, PackedInts.DEFAULT),
        OrdinalMap.build(key, spaces, PackedInts.DEFAULT),
        OrdinalMap.build(key, states, PackedInts.DEFAULT));
  }

  /** The value of global ordinal {@code ord} of {@code field} (one of the three). */
  static String value(IndexReader reader, OrdinalMap map, String field, int ord)
      throws IOException {
    int segment = map.getFirstSegmentNumber(ord);
    long segmentOrd = map.getFirstSegmentOrd(ord);
    var leaf = reader.leaves().get(segment).reader();
    if (Fields.TAG.equals(field)) {
      return DocValues.getSortedSet(leaf, field).lookupOrd(segmentOrd).utf8ToString();
    }
    return DocValues.getSorted(leaf, field).lookupOrd((int) segmentOrd).utf8ToString();
  }
}
