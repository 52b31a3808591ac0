package io.socialearn.lucene;

import io.socialearn.api.search.Facet;
import io.socialearn.api.search.FacetValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.LongValues;

/**
 * Counts the tag, space and state values of every matching document into arrays indexed by
 * {@link GlobalOrdinals}, then names only the most frequent values. A collector is not
 * thread-safe; the manager makes one per search slice and adds them up.
 */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, FacetCounts.Result> {
  /** The most values reported per facet. */
  static final int MAX_VALUES = 20;

  private final GlobalOrdinals ordinals;
  private final boolean spacesAndStates;
  private final String tagPrefix;
  private final int tagLimit;

  /**
   * @param ordinals the global ordinals of the searcher's reader
   * @param spacesAndStates whether to count spaces and states besides tags
   * @param tagPrefix count only tags starting with this, or null for all
   * @param tagLimit the most tags to report
   */
  FacetCounts(GlobalOrdinals ordinals, boolean spacesAndStates,
      String tagPrefix, int tagLimit) {
    this.ordinals = ordinals;
    this.spacesAndStates = spacesAndStates;
    this.tagPrefix = tagPrefix;
    this.tagLimit = tagLimit;
  }

  /** The most frequent values by facet name, most frequent first, ties by value. */
  record Result(Map<String, List<Map.Entry<String, Long>>> top) {
    List<Facet> facets() {
      List<Facet> facets = new ArrayList<>();
      for (String name : List.of(Fields.TAG, Fields.SPACE, Fields.STATE)) {
        List<Map.Entry<String, Long>> values = top.get(name);
        if (values != null) {
          facets.add(new Facet(name, values.stream()
              .map(e -> new FacetValue(e.getKey(), e.getValue())).toList()));
        }
      }
      return facets;
    }
  }

  @Override
  public Counter newCollector() {
    return new Counter();
  }

  @Override
  public Result reduce(Collection<Counter> collectors) throws IOException {
    Counter total = null;
    for (Counter counter : collectors) {
      if (total == null) {
        total = counter;
      } else {
        add(total.tags, counter.tags);
        add(total.spaces, counter.spaces);
        add(total.states, counter.states);
      }
    }
    if (total == null) {
      total = new Counter();
    }
    Map<String, List<Map.Entry<String, Long>>> top = new java.util.HashMap<>();
    top.put(Fields.TAG, top(ordinals.tags, total.tags, tagLimit, tagPrefix));
    if (spacesAndStates) {
      top.put(Fields.SPACE, top(ordinals.spaces, total.spaces, MAX_VALUES, null));
      top.put(Fields.STATE, top(ordinals.states, total.states, MAX_VALUES, null));
    }
    return new Result(top);
  }

  private static void add(int[] into, int[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }

  /**
   * The {@code limit} ordinals with the highest counts (ties: the smaller value first), named.
   */
  private static List<Map.Entry<String, Long>> top(GlobalOrdinals.FieldOrdinals ords,
      int[] counts, int limit, String prefix) throws IOException {
    // stronger: a higher count, then the smaller value; the heap's head is the weakest kept
    Comparator<int[]> stronger = (a, b) -> a[1] != b[1] ? Integer.compare(b[1], a[1])
        : compareValues(ords, a[0], b[0]);
    PriorityQueue<int[]> best = new PriorityQueue<>(Math.max(1, limit), stronger.reversed());
    for (int ord = 0; ord < counts.length && limit > 0; ord++) {
      if (counts[ord] == 0) {
        continue;
      }
      if (best.size() == limit) {
        int[] weakest = best.peek();
        // ties keep the smaller value (among the base's ordinals, the one seen first)
        if (counts[ord] < weakest[1]
            || counts[ord] == weakest[1] && ords.compare(ord, weakest[0]) > 0) {
          continue;
        }
      }
      if (prefix != null && !ords.value(ord).startsWith(prefix)) {
        continue;
      }
      if (best.size() == limit) {
        best.poll();
      }
      best.add(new int[] {ord, counts[ord]});
    }
    List<int[]> sorted = new ArrayList<>(best);
    sorted.sort(stronger);
    List<Map.Entry<String, Long>> named = new ArrayList<>(sorted.size());
    for (int[] entry : sorted) {
      named.add(Map.entry(ords.value(entry[0]), (long) entry[1]));
    }
    return named;
  }

  private static int compareValues(GlobalOrdinals.FieldOrdinals ords, int a, int b) {
    try {
      return ords.compare(a, b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts one slice's matches by global ordinal. */
  final class Counter implements Collector {
    final int[] tags = new int[ordinals.tags.valueCount()];
    final int[] spaces = new int[spacesAndStates ? ordinals.spaces.valueCount() : 0];
    final int[] states = new int[spacesAndStates ? ordinals.states.valueCount() : 0];

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedSetDocValues tagValues = DocValues.getSortedSet(context.reader(), Fields.TAG);
      SortedDocValues spaceValues = DocValues.getSorted(context.reader(), Fields.SPACE);
      SortedDocValues stateValues = DocValues.getSorted(context.reader(), Fields.STATE);
      LongValues tagOrds = ordinals.tags.globalOrds(context.ord);
      LongValues spaceOrds = ordinals.spaces.globalOrds(context.ord);
      LongValues stateOrds = ordinals.states.globalOrds(context.ord);
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          if (tagValues.advanceExact(doc)) {
            for (int i = tagValues.docValueCount(); i > 0; i--) {
              tags[(int) tagOrds.get(tagValues.nextOrd())]++;
            }
          }
          if (spacesAndStates) {
            if (spaceValues.advanceExact(doc)) {
              spaces[(int) spaceOrds.get(spaceValues.ordValue())]++;
            }
            if (stateValues.advanceExact(doc)) {
              states[(int) stateOrds.get(stateValues.ordValue())]++;
            }
          }
        }
      };
    }
  }
}
