package io.socialearn.lucene;

import static io.socialearn.lucene.Events.question;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.search.Facet;
import io.socialearn.api.search.FacetValue;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.search.SearchSort;
import io.socialearn.api.space.SpaceId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A search whose counting outruns the index's budget: the page is still exact, the total and
 * every facet count are lower bounds that never count a hidden thread.
 */
class CountBudgetTest {
  private static final Set<SpaceId> HR = Set.of(SpaceId.of("hr"));
  private static final int THREADS = 3 * BudgetedSearch.WINDOW;
  private static final String[] TAGS = {"payroll", "pension", "leave"};

  private final Events events = new Events();
  private LuceneSearchIndex exact;
  private LuceneSearchIndex budgeted;
  private LuceneSearchIndex broke;

  @BeforeEach
  void open() {
    List<DomainEvent> batch = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      String space = i % 7 == 0 ? "eng" : "hr";
      batch.add(question("q" + i, space, "ana", "Payroll question " + i,
          "payroll ".repeat(1 + i % 5) + "word" + i, TAGS[i % TAGS.length]));
    }
    List<RecordedEvent> recorded = events.record(batch.toArray(DomainEvent[]::new));
    exact = LuceneSearch.inMemory();
    // a budget that is always spent: counting stops after the first window, or at once
    budgeted = LuceneSearch.builder().countBudget(Duration.ofNanos(1))
        .countFreeDocs(BudgetedSearch.WINDOW).build();
    broke = LuceneSearch.builder().countBudget(Duration.ofNanos(1)).countFreeDocs(0).build();
    for (LuceneSearchIndex index : List.of(exact, budgeted, broke)) {
      index.apply(recorded);
    }
  }

  @AfterEach
  void close() {
    exact.close();
    budgeted.close();
    broke.close();
  }

  private static List<String> ids(SearchResults results) {
    return results.hits().stream().map(SearchHit::thread).map(t -> t.value()).toList();
  }

  private static Map<String, Long> counts(Facet facet) {
    return facet.values().stream()
        .collect(Collectors.toMap(FacetValue::value, FacetValue::count));
  }

  @Test
  void pagesAreExactInEveryOrderWhenCountingStops() {
    for (LuceneSearchIndex index : List.of(budgeted, broke)) {
      for (SearchSort sort : SearchSort.values()) {
        SearchQuery query = new SearchQuery("payroll", sort, 30, null);
        String exactCursor = null;
        String cursor = null;
        for (int page = 0; page < 3; page++) {
          SearchResults a = exact.search(exactCursor == null ? query : query.after(exactCursor),
              HR);
          SearchResults b = index.search(cursor == null ? query : query.after(cursor), HR);
          assertThat(ids(b)).as(sort + " page " + page).isEqualTo(ids(a)).hasSize(30);
          assertThat(b.hits()).extracting(SearchHit::snippet)
              .isEqualTo(a.hits().stream().map(SearchHit::snippet).toList());
          assertThat(a.totalIsLowerBound()).isFalse();
          assertThat(b.totalIsLowerBound()).isTrue();
          exactCursor = a.nextCursor();
          cursor = b.nextCursor();
        }
      }
    }
  }

  @Test
  void totalsAndFacetsAreLowerBoundsOfReadableThreadsOnly() {
    SearchResults all = exact.search(SearchQuery.of("payroll"), HR);
    long readable = (long) THREADS - (THREADS + 6) / 7;
    assertThat(all.totalHits()).isEqualTo(readable);

    SearchResults part = budgeted.search(SearchQuery.of("payroll"), HR);
    assertThat(part.totalIsLowerBound()).isTrue();
    // at least the first window was counted (the page's own pass may count more)
    assertThat(part.totalHits()).isGreaterThanOrEqualTo(BudgetedSearch.WINDOW * 6L / 7 - 1)
        .isLessThanOrEqualTo(readable);
    // the facets counted the first window, not the rest
    long tagged = part.facet(Fields.TAG).orElseThrow().values().stream()
        .mapToLong(FacetValue::count).sum();
    assertThat(tagged).isGreaterThanOrEqualTo(BudgetedSearch.WINDOW * 6L / 7 - 1)
        .isLessThan(readable);
    assertThat(part.facets()).extracting(Facet::name)
        .isEqualTo(all.facets().stream().map(Facet::name).toList());
    for (int f = 0; f < all.facets().size(); f++) {
      Map<String, Long> bound = counts(part.facets().get(f));
      Map<String, Long> full = counts(all.facets().get(f));
      assertThat(full.keySet()).containsAll(bound.keySet());
      bound.forEach((value, count) -> assertThat(count).as(value).isPositive()
          .isLessThanOrEqualTo(full.get(value)));
    }
    assertThat(part.facet(Fields.SPACE).orElseThrow().values())
        .extracting(FacetValue::value).containsExactly("hr");

    // counting stopped before the first document: the total is what the page's pass saw
    SearchResults none = broke.search(SearchQuery.of("payroll"), HR);
    assertThat(none.totalIsLowerBound()).isTrue();
    assertThat(none.totalHits()).isBetween((long) none.hits().size(), readable);
    assertThat(none.facets()).allSatisfy(facet -> assertThat(facet.values()).isEmpty());
  }

  @Test
  void aQueryThatEndsWithinTheFreeDocumentsIsExact() {
    SearchResults few = budgeted.search(SearchQuery.of("word12"), HR);
    assertThat(few.totalIsLowerBound()).isFalse();
    assertThat(few.totalHits()).isEqualTo(1);
    assertThat(ids(few)).containsExactly("q12");
    assertThat(budgeted.search(SearchQuery.of("word14"), HR).totalHits()).isZero();
  }

  @Test
  void theBudgetMustBePositive() {
    assertThatThrownBy(() -> LuceneSearch.builder().countBudget(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("countBudget");
  }
}
