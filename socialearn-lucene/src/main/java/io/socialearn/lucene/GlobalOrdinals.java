package io.socialearn.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * For one top-level reader, maps each segment's ordinals of the facet fields (tags, space,
 * state) to ordinals shared by all segments. Facet counting then counts into one array and turns
 * only the reported values into strings, instead of merging every segment's values by string on
 * each search. Thread-safe (immutable after construction).
 *
 * <p>A refresh adds a small segment or two and leaves the large ones as they were, so the work of
 * mapping the large segments is kept across readers (see {@link Builder}): an {@link OrdinalMap}
 * over the segments that were large when it was built (the base, whose ordinals follow the
 * values' sort order) is reused while they all remain, and each other segment's values are mapped
 * onto it once, by value, when the segment first shows up; a value the base lacks gets an ordinal
 * after the base's. {@link FieldOrdinals#compare} orders ordinals by value either way.
 */
final class GlobalOrdinals {
  final IndexReader.CacheKey key;
  final FieldOrdinals tags;
  final FieldOrdinals spaces;
  final FieldOrdinals states;

  private GlobalOrdinals(IndexReader.CacheKey key, FieldOrdinals tags, FieldOrdinals spaces,
      FieldOrdinals states) {
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

  /** The global ordinals of {@code reader}, built from scratch. */
  static GlobalOrdinals of(IndexReader reader) throws IOException {
    return new Builder().build(reader);
  }

  /** A segment's values, as sorted-set doc values (a sorted field is read as a singleton). */
  private static SortedSetDocValues values(LeafReader leaf, String field) throws IOException {
    return Fields.TAG.equals(field) ? DocValues.getSortedSet(leaf, field)
        : DocValues.singleton(DocValues.getSorted(leaf, field));
  }

  /** The core key of a segment, which deletions and doc-values updates leave alone. */
  private static IndexReader.CacheKey coreKey(LeafReader leaf) {
    IndexReader.CacheHelper helper = leaf.getCoreCacheHelper();
    return helper == null ? null : helper.getKey();
  }

  /**
   * One field's global ordinals in one reader: ordinals below {@link #baseCount} are the base
   * map's, in value order; the others name values only segments outside the base hold.
   */
  static final class FieldOrdinals {
    private final String field;
    private final IndexReader reader;
    private final Base base;
    /** By base segment: its position among the reader's leaves. */
    private final int[] baseLeaves;
    /** By leaf of the reader: its segment ordinals to global ones. */
    private final LongValues[] leafOrds;
    /** The values of ordinals {@code baseCount} and up. */
    private final BytesRef[] extra;
    final int baseCount;

    private FieldOrdinals(String field, IndexReader reader, Base base, int[] baseLeaves,
        LongValues[] leafOrds, BytesRef[] extra) {
      this.field = field;
      this.reader = reader;
      this.base = base;
      this.baseLeaves = baseLeaves;
      this.leafOrds = leafOrds;
      this.extra = extra;
      this.baseCount = base == null ? 0 : (int) base.map(field).getValueCount();
    }

    /** Whether this and {@code other} number values on the same base map. For tests. */
    boolean sharesBase(FieldOrdinals other) {
      return base != null && base == other.base;
    }

    /** How many global ordinals there are: the size of an array to count them in. */
    int valueCount() {
      return baseCount + extra.length;
    }

    /** Maps the segment ordinals of the reader's leaf {@code leaf} to global ordinals. */
    LongValues globalOrds(int leaf) {
      return leafOrds[leaf];
    }

    /** The value of global ordinal {@code ord}, as UTF-8. */
    BytesRef bytes(int ord) throws IOException {
      if (ord >= baseCount) {
        return extra[ord - baseCount];
      }
      OrdinalMap map = base.map(field);
      int segment = map.getFirstSegmentNumber(ord);
      long segmentOrd = map.getFirstSegmentOrd(ord);
      LeafReader leaf = reader.leaves().get(baseLeaves[segment]).reader();
      return values(leaf, field).lookupOrd(segmentOrd);
    }

    /** The value of global ordinal {@code ord}. */
    String value(int ord) throws IOException {
      return bytes(ord).utf8ToString();
    }

    /** Compares two global ordinals by their values. */
    int compare(int a, int b) throws IOException {
      if (a < baseCount && b < baseCount) {
        return Integer.compare(a, b);
      }
      return bytes(a).compareTo(bytes(b));
    }
  }

  /** The ordinal maps of a set of segments, kept while they all remain in the reader. */
  private static final class Base {
    /** By core key: the segment's number in the maps. */
    final Map<IndexReader.CacheKey, Integer> segments;
    final OrdinalMap tags;
    final OrdinalMap spaces;
    final OrdinalMap states;
    /** By field: each base value's global ordinal, made on the first segment mapped by value. */
    final Map<String, Map<BytesRef, Integer>> byValue = new HashMap<>();
    /** By field: values found outside the base so far, numbered after the base's. */
    final Map<String, List<BytesRef>> extra = new HashMap<>();
    /** By field and core key: a segment outside the base, its ordinals to global ones. */
    final Map<String, Map<IndexReader.CacheKey, int[]>> mapped = new HashMap<>();

    Base(Map<IndexReader.CacheKey, Integer> segments, OrdinalMap tags, OrdinalMap spaces,
        OrdinalMap states) {
      this.segments = segments;
      this.tags = tags;
      this.spaces = spaces;
      this.states = states;
    }

    OrdinalMap map(String field) {
      return Fields.TAG.equals(field) ? tags : Fields.SPACE.equals(field) ? spaces : states;
    }
  }

  /**
   * Builds the global ordinals of successive readers, reusing the base map while its segments
   * remain. Not thread-safe: callers serialise {@link #build}; what it returns is immutable.
   */
  static final class Builder {
    /**
     * A segment joins a new base if it holds at least this share of the reader's documents: the
     * large ones, which only large (rare) merges replace.
     */
    static final int BASE_SHARE = 32;

    private Base base;

    GlobalOrdinals build(IndexReader reader) throws IOException {
      List<LeafReaderContext> leaves = reader.leaves();
      if (base == null || !allPresent(leaves)) {
        base = newBase(reader);
      }
      return new GlobalOrdinals(keyOf(reader), field(reader, Fields.TAG),
          field(reader, Fields.SPACE), field(reader, Fields.STATE));
    }

    private boolean allPresent(List<LeafReaderContext> leaves) {
      int found = 0;
      for (LeafReaderContext leaf : leaves) {
        IndexReader.CacheKey key = coreKey(leaf.reader());
        if (key != null && base.segments.containsKey(key)) {
          found++;
        }
      }
      return found == base.segments.size();
    }

    private static Base newBase(IndexReader reader) throws IOException {
      List<LeafReaderContext> leaves = reader.leaves();
      int least = reader.maxDoc() / BASE_SHARE;
      Map<IndexReader.CacheKey, Integer> segments = new HashMap<>();
      List<LeafReader> large = new ArrayList<>();
      for (LeafReaderContext leaf : leaves) {
        IndexReader.CacheKey key = coreKey(leaf.reader());
        if (key != null && leaf.reader().maxDoc() >= least && leaf.reader().maxDoc() > 0) {
          segments.put(key, large.size());
          large.add(leaf.reader());
        }
      }
      if (large.isEmpty()) {
        return new Base(Map.of(), null, null, null);
      }
      return new Base(segments, map(large, Fields.TAG), map(large, Fields.SPACE),
          map(large, Fields.STATE));
    }

    private static OrdinalMap map(List<LeafReader> segments, String field) throws IOException {
      SortedSetDocValues[] values = new SortedSetDocValues[segments.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = values(segments.get(i), field);
      }
      return OrdinalMap.build(null, values, PackedInts.DEFAULT);
    }

    private FieldOrdinals field(IndexReader reader, String field) throws IOException {
      List<LeafReaderContext> leaves = reader.leaves();
      OrdinalMap map = base.tags == null ? null : base.map(field);
      int[] baseLeaves = new int[base.segments.size()];
      LongValues[] leafOrds = new LongValues[leaves.size()];
      for (int i = 0; i < leaves.size(); i++) {
        IndexReader.CacheKey key = coreKey(leaves.get(i).reader());
        Integer segment = key == null ? null : base.segments.get(key);
        if (segment != null) {
          baseLeaves[segment] = i;
          leafOrds[i] = map.getGlobalOrds(segment);
        }
      }
      Map<IndexReader.CacheKey, int[]> before = base.mapped.getOrDefault(field, Map.of());
      Map<IndexReader.CacheKey, int[]> now = new HashMap<>();
      for (int i = 0; i < leaves.size(); i++) {
        if (leafOrds[i] != null) {
          continue;
        }
        LeafReader leaf = leaves.get(i).reader();
        IndexReader.CacheKey key = coreKey(leaf);
        int[] ords = key == null ? null : before.get(key);
        if (ords == null) {
          ords = mapByValue(leaf, field, reader, baseLeaves);
        }
        if (key != null) {
          now.put(key, ords);
        }
        int[] fixed = ords;
        leafOrds[i] = new LongValues() {
          @Override
          public long get(long index) {
            return fixed[(int) index];
          }
        };
      }
      // Segments merged away are forgotten; their values keep their numbers until a new base.
      base.mapped.put(field, now);
      List<BytesRef> extra = base.extra.getOrDefault(field, List.of());
      return new FieldOrdinals(field, reader, base.tags == null ? null : base, baseLeaves,
          leafOrds, extra.toArray(BytesRef[]::new));
    }

    /** Maps a segment outside the base onto the base's ordinals by value. */
    private int[] mapByValue(LeafReader leaf, String field, IndexReader reader,
        int[] baseLeaves) throws IOException {
      SortedSetDocValues values = values(leaf, field);
      Map<BytesRef, Integer> known = baseValues(field, reader, baseLeaves);
      List<BytesRef> extra = base.extra.computeIfAbsent(field, f -> new ArrayList<>());
      int baseCount = base.tags == null ? 0 : (int) base.map(field).getValueCount();
      int[] ords = new int[(int) values.getValueCount()];
      TermsEnum terms = values.termsEnum();
      int ord = 0;
      for (BytesRef term = terms.next(); term != null; term = terms.next(), ord++) {
        Integer global = known.get(term);
        if (global == null) {
          BytesRef copy = BytesRef.deepCopyOf(term);
          global = baseCount + extra.size();
          extra.add(copy);
          known.put(copy, global);
        }
        ords[ord] = global;
      }
      return ords;
    }

    /**
     * Every value of {@code field} the base or an earlier mapped segment holds, with its global
     * ordinal; made on first use from the base segments, which are all leaves of {@code reader}.
     */
    private Map<BytesRef, Integer> baseValues(String field, IndexReader reader,
        int[] baseLeaves) throws IOException {
      Map<BytesRef, Integer> known = base.byValue.get(field);
      if (known != null) {
        return known;
      }
      known = new HashMap<>();
      if (base.tags != null) {
        OrdinalMap map = base.map(field);
        TermsEnum[] enums = new TermsEnum[baseLeaves.length];
        for (long ord = 0; ord < map.getValueCount(); ord++) {
          int segment = map.getFirstSegmentNumber(ord);
          if (enums[segment] == null) {
            enums[segment] = values(reader.leaves().get(baseLeaves[segment]).reader(), field)
                .termsEnum();
          }
          enums[segment].seekExact(map.getFirstSegmentOrd(ord));
          known.put(BytesRef.deepCopyOf(enums[segment].term()), (int) ord);
        }
      }
      base.byValue.put(field, known);
      return known;
    }
  }
}
