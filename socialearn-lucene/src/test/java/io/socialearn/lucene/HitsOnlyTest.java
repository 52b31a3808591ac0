package io.socialearn.lucene;

import static io.socialearn.lucene.Events.question;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.search.SearchSort;
import io.socialearn.api.space.SpaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hits-only searches: the same pages as full ones, no facets, a total that may be a bound. */
class HitsOnlyTest {
  private static final Set<SpaceId> HR = Set.of(SpaceId.of("hr"));
  private static final int THREADS = IndexQueries.HITS_ONLY_COUNT + 200;

  private final Events events = new Events();
  private LuceneSearchIndex index;

  @BeforeEach
  void open() {
    index = LuceneSearch.inMemory();
    List<DomainEvent> batch = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      // every thread says payroll, some more often; every seventh is in another space
      String space = i % 7 == 0 ? "eng" : "hr";
      batch.add(question("q" + i, space, "ana", "Payroll question " + i,
          "payroll ".repeat(1 + i % 5) + "word" + i, "payroll"));
    }
    index.apply(events.record(batch.toArray(DomainEvent[]::new)));
  }

  @AfterEach
  void close() {
    index.close();
  }

  private static List<String> ids(SearchResults results) {
    return results.hits().stream().map(SearchHit::thread).map(t -> t.value()).toList();
  }

  @Test
  void samePagesAsAFullSearchInEveryOrderWithoutFacets() {
    for (SearchSort sort : SearchSort.values()) {
      SearchQuery full = new SearchQuery("payroll", sort, 25, null);
      SearchQuery lean = full.hitsOnly(true);
      String fullCursor = null;
      String leanCursor = null;
      for (int page = 0; page < 3; page++) {
        SearchResults a = index.search(fullCursor == null ? full : full.after(fullCursor), HR);
        SearchResults b = index.search(leanCursor == null ? lean : lean.after(leanCursor), HR);
        assertThat(ids(b)).as(sort + " page " + page).isEqualTo(ids(a)).hasSize(25);
        assertThat(b.hits()).extracting(SearchHit::snippet)
            .isEqualTo(a.hits().stream().map(SearchHit::snippet).toList());
        assertThat(a.facets()).isNotEmpty();
        assertThat(b.facets()).isEmpty();
        fullCursor = a.nextCursor();
        leanCursor = b.nextCursor();
      }
    }
  }

  @Test
  void theTotalIsExactUpToTheBoundThenALowerBoundThatNeverCountsHiddenThreads() {
    long readable = (long) THREADS - (THREADS + 6) / 7;
    SearchResults full = index.search(SearchQuery.of("payroll"), HR);
    assertThat(full.totalHits()).isEqualTo(readable);
    assertThat(full.totalIsLowerBound()).isFalse();

    SearchResults lean = index.search(SearchQuery.of("payroll").hitsOnly(true), HR);
    assertThat(lean.totalIsLowerBound()).isTrue();
    assertThat(lean.totalHits()).isBetween((long) IndexQueries.HITS_ONLY_COUNT, readable);

    SearchResults few = index.search(SearchQuery.of("word12").hitsOnly(true), HR);
    assertThat(few.totalIsLowerBound()).isFalse();
    assertThat(few.totalHits()).isEqualTo(1);
    assertThat(ids(few)).containsExactly("q12");

    SearchResults hidden = index.search(SearchQuery.of("word14").hitsOnly(true), HR);
    assertThat(hidden.totalHits()).isZero();
    assertThat(hidden.hits()).isEmpty();
  }
}
