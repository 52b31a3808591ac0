package io.socialearn.lucene;

import static io.socialearn.lucene.Events.answer;
import static io.socialearn.lucene.Events.question;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.space.SpaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A search split between two threads (the segments in two halves) finds what one thread finds:
 * the same hits with the same scores and snippets, the same totals and facets, on pages after
 * pages, for all-words queries, any-word fallbacks and phrases alike.
 */
class ParallelSearchTest {
  private static final String[] WORDS = {"payroll", "leave", "vpn", "laptop", "expense",
      "travel", "badge", "printer", "wiki", "holiday", "pension", "parking", "rare"};
  private static final List<Set<SpaceId>> VIEWERS = List.of(Set.of(SpaceId.of("hr")),
      Set.of(SpaceId.of("hr"), SpaceId.of("eng")), Set.of(SpaceId.of("ops")));

  @Property(tries = 12)
  void twoThreadsFindWhatOneFinds(@ForAll @IntRange(min = 0, max = 100_000) int seed) {
    Random random = new Random(seed);
    Events events = new Events();
    try (LuceneSearchIndex alone = LuceneSearch.builder().searchThreads(1).build();
        LuceneSearchIndex split = LuceneSearch.builder().searchThreads(2).parallelPostings(1)
            .build()) {
      int threads = 0;
      for (int batch = 0; batch < 4 + random.nextInt(4); batch++) {
        List<DomainEvent> changes = new ArrayList<>();
        for (int i = 0; i < 20 + random.nextInt(60); i++) {
          if (threads > 0 && random.nextInt(4) == 0) {
            changes.add(answer("a" + batch + "-" + i, "q" + random.nextInt(threads),
                text(random, 4 + random.nextInt(20))));
          } else {
            String space = List.of("hr", "eng", "ops").get(random.nextInt(3));
            changes.add(question("q" + threads++, space, "ana", text(random, 2 + random.nextInt(5)),
                text(random, 3 + random.nextInt(30)), WORDS[random.nextInt(4)]));
          }
        }
        var recorded = events.record(changes.toArray(DomainEvent[]::new));
        alone.apply(recorded);
        split.apply(recorded);
        // a search refreshes, so each batch ends up in segments of its own
        alone.search(SearchQuery.of("payroll"), VIEWERS.get(0));
        split.search(SearchQuery.of("payroll"), VIEWERS.get(0));
      }
      for (int q = 0; q < 30; q++) {
        String text = text(random, 1 + random.nextInt(3));
        if (random.nextInt(4) == 0) {
          text = "\"" + text + "\"";
        }
        Set<SpaceId> viewer = VIEWERS.get(random.nextInt(VIEWERS.size()));
        SearchQuery query = new SearchQuery(text, io.socialearn.api.search.SearchSort.RELEVANCE,
            1 + random.nextInt(15), null).hitsOnly(random.nextBoolean());
        for (int page = 0; page < 3; page++) {
          SearchResults one = alone.search(query, viewer);
          SearchResults two = split.search(query, viewer);
          assertThat(two.hits()).as("%s, page %d", text, page).isEqualTo(one.hits());
          assertThat(two.facets()).isEqualTo(one.facets());
          if (!query.hitsOnly()) {
            assertThat(two.totalHits()).isEqualTo(one.totalHits());
          }
          if (one.nextCursor() == null) {
            assertThat(two.nextCursor()).isNull();
            break;
          }
          query = query.after(two.nextCursor());
        }
      }
      assertThat(split.helperTasks()).as("tasks run by the helper").isPositive();
      assertThat(alone.helperTasks()).isZero();
    }
  }

  private static String text(Random random, int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append(WORDS[(int) Math.min(WORDS.length - 1, Math.abs(random.nextGaussian()) * 4)])
          .append(' ');
    }
    return text.toString().strip();
  }
}
