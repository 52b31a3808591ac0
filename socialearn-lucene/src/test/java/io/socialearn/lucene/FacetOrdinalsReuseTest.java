package io.socialearn.lucene;

import static io.socialearn.lucene.Events.answer;
import static io.socialearn.lucene.Events.question;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.ThreadDeleted;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.search.Facet;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Facets and tag completion while each refresh adds a small segment to a large one: the global
 * ordinals keep the large segment's map and number the values only small segments hold after it
 * (new tags, a tag that sorts before all others), yet every count, order and tie by value equals
 * a count made by hand.
 */
class FacetOrdinalsReuseTest {
  private static final Set<SpaceId> READABLE = Set.of(SpaceId.of("hr"), SpaceId.of("eng"));

  /** A thread's space and tags, by id, in order of creation. */
  private final Map<String, Object[]> threads = new LinkedHashMap<>();

  @Test
  void countsEqualAHandCountAsSmallSegmentsJoinALargeOne() {
    for (long seed = 1; seed <= 4; seed++) {
      threads.clear();
      check(new Random(seed));
    }
  }

  private void check(Random random) {
    Events events = new Events();
    int reused = 0;
    try (LuceneSearchIndex index = LuceneSearch.inMemory()) {
      List<DomainEvent> first = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        first.add(start("q" + i, random, "tag-" + (char) ('b' + random.nextInt(6))));
      }
      index.apply(events.record(first.toArray(DomainEvent[]::new)));
      compare(index);
      GlobalOrdinals previous = index.facetOrdinals();
      int thread = 300;
      for (int round = 0; round < 40; round++) {
        List<DomainEvent> batch = new ArrayList<>();
        for (int i = random.nextInt(3); i >= 0; i--, thread++) {
          // old tags, new ones, and one that sorts before every base value
          String tag = switch (random.nextInt(4)) {
            case 0 -> "new-" + (char) ('a' + random.nextInt(4));
            case 1 -> "aaa";
            default -> "tag-" + (char) ('b' + random.nextInt(6));
          };
          batch.add(start("q" + thread, random, tag));
        }
        String some = "q" + random.nextInt(thread);
        if (random.nextInt(3) == 0 && threads.containsKey(some)) {
          batch.add(answer("a" + round, some, "answered")); // rewrites a base document
        } else if (random.nextInt(4) == 0 && threads.remove(some) != null) {
          batch.add(new ThreadDeleted(ThreadId.of(some), "spam", PersonId.of("mod")));
        }
        index.apply(events.record(batch.toArray(DomainEvent[]::new)));
        compare(index);
        GlobalOrdinals now = index.facetOrdinals();
        if (now.tags.sharesBase(previous.tags) && now.tags.valueCount() > now.tags.baseCount) {
          reused++;
        }
        previous = now;
      }
    }
    assertThat(reused).as("rounds that kept the base and added values after it").isPositive();
  }

  private DomainEvent start(String id, Random random, String tag) {
    String space = random.nextInt(4) == 0 ? "ops" : random.nextBoolean() ? "hr" : "eng";
    String other = "tag-" + (char) ('b' + random.nextInt(6));
    List<String> tags = tag.equals(other) ? List.of(tag) : List.of(tag, other);
    threads.put(id, new Object[] {space, tags});
    return question(id, space, "ana", "Payroll " + id, "body", tags.toArray(String[]::new));
  }

  private void compare(LuceneSearchIndex index) {
    Map<String, Long> tags = new TreeMap<>();
    Map<String, Long> spaces = new TreeMap<>();
    for (Object[] thread : threads.values()) {
      if (!thread[0].equals("ops")) {
        spaces.merge((String) thread[0], 1L, Long::sum);
        @SuppressWarnings("unchecked")
        List<String> own = (List<String>) thread[1];
        own.forEach(t -> tags.merge(t, 1L, Long::sum));
      }
    }
    SearchResults results = index.search(SearchQuery.of("payroll"), READABLE);
    assertThat(values(results.facet("tag").orElseThrow()))
        .isEqualTo(expected(tags, FacetCounts.MAX_VALUES, ""));
    assertThat(values(results.facet("space").orElseThrow())).isEqualTo(expected(spaces, 20, ""));
    for (String prefix : List.of("new", "tag-", "a", "")) {
      assertThat(index.completeTags(prefix, 3, READABLE).stream().map(Tag::value).toList())
          .as("completing '%s'", prefix)
          .isEqualTo(expected(tags, 3, prefix).stream().map(Map.Entry::getKey).toList());
    }
  }

  private static List<Map.Entry<String, Long>> values(Facet facet) {
    return facet.values().stream().map(v -> Map.entry(v.value(), v.count())).toList();
  }

  private static List<Map.Entry<String, Long>> expected(Map<String, Long> counts, int limit,
      String prefix) {
    return counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(limit).map(e -> Map.entry(e.getKey(), e.getValue())).toList();
  }
}
