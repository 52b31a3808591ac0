package io.socialearn.lucene;

import io.socialearn.api.search.Facet;
import io.socialearn.api.search.FacetValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts the tag, space and state values of every matching document, by per-segment ordinals.
 * A collector is not thread-safe; the manager makes one per search slice and merges them.
 */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, FacetCounts.Result> {
  /** The most values reported per facet. */
  static final int MAX_VALUES = 20;

  private final boolean spacesAndStates;
  private final String tagPrefix;

  /**
   * @param spacesAndStates whether to count spaces and states besides tags
   * @param tagPrefix count only tags starting with this, or null for all
   */
  FacetCounts(boolean spacesAndStates, String tagPrefix) {
    this.spacesAndStates = spacesAndStates;
    this.tagPrefix = tagPrefix;
  }

  /** The counts by facet name ({@code tag}, {@code space}, {@code state}) and value. */
  record Result(Map<String, Map<String, Long>> counts) {
    List<Facet> facets() {
      List<Facet> facets = new ArrayList<>();
      for (String name : List.of(Fields.TAG, Fields.SPACE, Fields.STATE)) {
        Map<String, Long> values = counts.get(name);
        if (values != null) {
          facets.add(new Facet(name, top(values, MAX_VALUES).stream()
              .map(e -> new FacetValue(e.getKey(), e.getValue())).toList()));
        }
      }
      return facets;
    }

    static List<Map.Entry<String, Long>> top(Map<String, Long> values, int limit) {
      return values.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
              .thenComparing(Map.Entry.comparingByKey()))
          .limit(limit).toList();
    }
  }

  @Override
  public Counter newCollector() {
    return new Counter();
  }

  @Override
  public Result reduce(Collection<Counter> collectors) {
    Map<String, Map<String, Long>> merged = new HashMap<>();
    for (Counter counter : collectors) {
      counter.totals.forEach((name, values) -> values.forEach((value, count) ->
          merged.computeIfAbsent(name, n -> new HashMap<>()).merge(value, count, Long::sum)));
    }
    merged.computeIfAbsent(Fields.TAG, n -> new HashMap<>());
    if (spacesAndStates) {
      merged.computeIfAbsent(Fields.SPACE, n -> new HashMap<>());
      merged.computeIfAbsent(Fields.STATE, n -> new HashMap<>());
    }
    return new Result(merged);
  }

  /** Counts one slice's matches. */
  final class Counter implements Collector {
    final Map<String, Map<String, Long>> totals = new HashMap<>();

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedSetDocValues tags = DocValues.getSortedSet(context.reader(), Fields.TAG);
      SortedDocValues spaces = DocValues.getSorted(context.reader(), Fields.SPACE);
      SortedDocValues states = DocValues.getSorted(context.reader(), Fields.STATE);
      int[] tagCounts = new int[(int) Math.min(Integer.MAX_VALUE - 8, tags.getValueCount())];
      int[] spaceCounts = new int[spacesAndStates ? spaces.getValueCount() : 0];
      int[] stateCounts = new int[spacesAndStates ? states.getValueCount() : 0];
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          if (tags.advanceExact(doc)) {
            for (int i = 0; i < tags.docValueCount(); i++) {
              tagCounts[(int) tags.nextOrd()]++;
            }
          }
          if (spacesAndStates) {
            if (spaces.advanceExact(doc)) {
              spaceCounts[spaces.ordValue()]++;
            }
            if (states.advanceExact(doc)) {
              stateCounts[states.ordValue()]++;
            }
          }
        }

        @Override
        public void finish() throws IOException {
          Map<String, Long> tagTotals = totals.computeIfAbsent(Fields.TAG, n -> new HashMap<>());
          for (int ord = 0; ord < tagCounts.length; ord++) {
            if (tagCounts[ord] > 0) {
              String tag = tags.lookupOrd(ord).utf8ToString();
              if (tagPrefix == null || tag.startsWith(tagPrefix)) {
                tagTotals.merge(tag, (long) tagCounts[ord], Long::sum);
              }
            }
          }
          if (spacesAndStates) {
            flush(Fields.SPACE, spaces, spaceCounts);
            flush(Fields.STATE, states, stateCounts);
          }
        }
      };
    }

    private void flush(String name, SortedDocValues values, int[] counts) throws IOException {
      Map<String, Long> target = totals.computeIfAbsent(name, n -> new HashMap<>());
      for (int ord = 0; ord < counts.length; ord++) {
        if (counts[ord] > 0) {
          target.merge(values.lookupOrd(ord).utf8ToString(), (long) counts[ord], Long::sum);
        }
      }
    }
  }
}
