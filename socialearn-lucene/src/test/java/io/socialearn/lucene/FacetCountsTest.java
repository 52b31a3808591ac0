package io.socialearn.lucene;

import static io.socialearn.lucene.Events.answer;
import static io.socialearn.lucene.Events.question;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.search.Facet;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Facets and tag completion over an index of many segments (each batch is searched, so each
 * becomes a segment, and answers rewrite documents): the counts per value equal a count made by
 * hand, and the reported values are the most frequent, ties by value.
 */
class FacetCountsTest {
  private static final Set<SpaceId> READABLE = Set.of(SpaceId.of("hr"), SpaceId.of("eng"));

  @Test
  void countsAcrossSegmentsEqualAHandCount() {
    Random random = new Random(7);
    Events events = new Events();
    Map<String, Long> tags = new TreeMap<>();
    Map<String, Long> spaces = new TreeMap<>();
    try (LuceneSearchIndex index = LuceneSearch.inMemory()) {
      int thread = 0;
      for (int batch = 0; batch < 6; batch++) {
        List<io.socialearn.api.event.DomainEvent> started = new ArrayList<>();
        for (int i = 0; i < 15; i++, thread++) {
          String space = random.nextInt(3) == 0 ? "eng" : random.nextInt(2) == 0 ? "hr" : "ops";
          String a = "tag-" + (char) ('a' + random.nextInt(26));
          String b = "tag-" + (char) ('a' + random.nextInt(26));
          List<String> own = a.equals(b) ? List.of(a) : List.of(a, b);
          started.add(question("q" + thread, space, "ana", "Payroll " + thread, "body",
              own.toArray(String[]::new)));
          if (!space.equals("ops")) {
            own.forEach(t -> tags.merge(t, 1L, Long::sum));
            spaces.merge(space, 1L, Long::sum);
          }
        }
        index.apply(events.record(started.toArray(io.socialearn.api.event.DomainEvent[]::new)));
        index.search(SearchQuery.of("payroll"), READABLE);
        if (batch > 0) {
          index.apply(events.record(answer("a" + batch, "q" + (batch * 3), "answered")));
        }
      }
      SearchResults results = index.search(SearchQuery.of("payroll"), READABLE);
      assertThat(results.totalHits()).isEqualTo(spaces.values().stream().mapToLong(v -> v).sum());
      assertThat(values(results.facet("tag").orElseThrow()))
          .isEqualTo(expected(tags, FacetCounts.MAX_VALUES));
      assertThat(values(results.facet("space").orElseThrow())).isEqualTo(expected(spaces, 20));
      List<String> completed = index.completeTags("TAG-", 5, READABLE).stream()
          .map(Tag::value).toList();
      assertThat(completed).isEqualTo(expected(tags, 5).stream()
          .map(e -> e.getKey()).toList());
      String first = expected(tags, 1).get(0).getKey();
      assertThat(index.completeTags(first, 3, READABLE)).containsExactly(Tag.of(first));
    }
  }

  private static List<Map.Entry<String, Long>> values(Facet facet) {
    return facet.values().stream().map(v -> Map.entry(v.value(), v.count())).toList();
  }

  private static List<Map.Entry<String, Long>> expected(Map<String, Long> counts, int limit) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(limit).map(e -> Map.entry(e.getKey(), e.getValue())).toList();
  }
}
