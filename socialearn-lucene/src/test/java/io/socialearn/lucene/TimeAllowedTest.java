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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A search that runs out of the time the index allows: it returns the best of the threads it
 * reached, flagged partial, with counts that are lower bounds and never count a hidden thread.
 */
class TimeAllowedTest {
  private static final Set<SpaceId> HR = Set.of(SpaceId.of("hr"));
  private static final int THREADS = 3 * BudgetedSearch.WINDOW;
  private static final String[] TAGS = {"payroll", "pension", "leave"};

  private final Events events = new Events();
  private LuceneSearchIndex complete;
  /** Out of time once it has scanned the first window of threads. */
  private LuceneSearchIndex oneWindow;
  /** Out of time before it scans anything. */
  private LuceneSearchIndex noTime;

  @BeforeEach
  void open() {
    List<DomainEvent> batch = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      String space = i % 7 == 0 ? "eng" : "hr";
      batch.add(question("q" + i, space, "ana", "Payroll question " + i,
          "payroll ".repeat(1 + i % 5) + "word" + i, TAGS[i % TAGS.length]));
    }
    List<RecordedEvent> recorded = events.record(batch.toArray(DomainEvent[]::new));
    complete = LuceneSearch.inMemory();
    oneWindow = LuceneSearch.builder().timeAllowed(Duration.ofNanos(1))
        .freeDocs(BudgetedSearch.WINDOW).build();
    noTime = LuceneSearch.builder().timeAllowed(Duration.ofNanos(1)).freeDocs(0).build();
    for (LuceneSearchIndex index : List.of(complete, oneWindow, noTime)) {
      index.apply(recorded);
    }
  }

  @AfterEach
  void close() {
    complete.close();
    oneWindow.close();
    noTime.close();
  }

  /**
   * The numbers of the threads in the first window scanned: the index holds its threads in order
   * of space, then of arrival, and a search scans only the runs of the readable spaces (hr).
   */
  private static IntStream reachedInHr() {
    return IntStream.range(0, THREADS).filter(i -> i % 7 != 0).limit(BudgetedSearch.WINDOW);
  }

  private static List<String> ids(SearchResults results) {
    return results.hits().stream().map(SearchHit::thread).map(t -> t.value()).toList();
  }

  private static Map<String, Long> counts(Facet facet) {
    return facet.values().stream()
        .collect(Collectors.toMap(FacetValue::value, FacetValue::count));
  }

  @Test
  void aSearchOutOfTimeReturnsTheBestOfTheThreadsItReached() {
    List<String> newestReached = reachedInHr().boxed()
        .sorted(java.util.Comparator.reverseOrder()).limit(20).map(i -> "q" + i).toList();
    for (boolean hitsOnly : new boolean[] {false, true}) {
      SearchQuery query = new SearchQuery("payroll", SearchSort.NEWEST, 20, null)
          .hitsOnly(hitsOnly);
      SearchResults whole = complete.search(query, HR);
      assertThat(whole.partial()).isFalse();
      assertThat(ids(whole)).first().isEqualTo("q" + (THREADS - 1));

      SearchResults part = oneWindow.search(query, HR);
      assertThat(part.partial()).as("hits only " + hitsOnly).isTrue();
      assertThat(part.totalIsLowerBound()).isTrue();
      assertThat(ids(part)).isEqualTo(newestReached);
      // the next page goes on from there, still within what a partial search reaches
      SearchResults next = oneWindow.search(query.after(part.nextCursor()), HR);
      assertThat(next.partial()).isTrue();
      assertThat(ids(next)).doesNotContainAnyElementsOf(ids(part)).hasSize(20);
    }
  }

  @Test
  void aPartialSearchCountsOnlyReadableThreadsItReached() {
    long readable = (long) THREADS - (THREADS + 6) / 7;
    SearchResults all = complete.search(SearchQuery.of("payroll"), HR);
    assertThat(all.totalHits()).isEqualTo(readable);
    assertThat(all.totalIsLowerBound()).isFalse();

    SearchResults part = oneWindow.search(SearchQuery.of("payroll"), HR);
    long reached = reachedInHr().count();
    assertThat(part.totalHits()).isEqualTo(reached);
    assertThat(part.facets()).extracting(Facet::name)
        .isEqualTo(all.facets().stream().map(Facet::name).toList());
    for (int f = 0; f < all.facets().size(); f++) {
      Map<String, Long> bound = counts(part.facets().get(f));
      Map<String, Long> full = counts(all.facets().get(f));
      assertThat(full.keySet()).containsAll(bound.keySet());
      bound.forEach((value, count) -> assertThat(count).as(value).isPositive()
          .isLessThan(full.get(value)));
    }
    assertThat(counts(part.facet(Fields.SPACE).orElseThrow())).isEqualTo(Map.of("hr", reached));

    SearchResults none = noTime.search(SearchQuery.of("payroll"), HR);
    assertThat(none.partial()).isTrue();
    assertThat(none.hits()).isEmpty();
    assertThat(none.totalHits()).isZero();
    assertThat(none.facets()).allSatisfy(facet -> assertThat(facet.values()).isEmpty());
  }

  @Test
  void aSearchThatEndsWithinItsFreeThreadsIsComplete() {
    SearchResults few = oneWindow.search(SearchQuery.of("word12"), HR);
    assertThat(few.partial()).isFalse();
    assertThat(few.totalIsLowerBound()).isFalse();
    assertThat(few.totalHits()).isEqualTo(1);
    assertThat(ids(few)).containsExactly("q12");
    assertThat(oneWindow.search(SearchQuery.of("word14"), HR).totalHits()).isZero();
  }

  @Test
  void aPartialSearchWithNothingFoundDoesNotFallBackToAnyWord() {
    // "payroll word9000": no thread has both in the first window; the any-word fallback would
    // search again, which a search out of time must not do
    SearchResults part = oneWindow.search(SearchQuery.of("payroll word9000"), HR);
    assertThat(part.partial()).isTrue();
    assertThat(part.hits()).isEmpty();
    assertThat(complete.search(SearchQuery.of("payroll word9000"), HR).hits())
        .extracting(h -> h.thread().value()).containsExactly("q9000");
  }

  /**
   * The builder says to pass a long duration to never stop early; one too long for a long of
   * nanoseconds (such as {@code ChronoUnit.FOREVER}'s) failed the build with an
   * ArithmeticException after the writer had locked the directory.
   */
  @Test
  void aTimeAllowedBeyondLongNanosecondsNeverStopsEarly() {
    try (LuceneSearchIndex forever = LuceneSearch.builder()
        .timeAllowed(ChronoUnit.FOREVER.getDuration()).freeDocs(0).build()) {
      forever.apply(new Events().record(question("q1", "hr", "ana", "Payroll question", "x"),
          question("q2", "hr", "ana", "Payroll again", "y")));
      SearchResults results = forever.search(SearchQuery.of("payroll"), HR);
      assertThat(results.partial()).isFalse();
      assertThat(results.totalHits()).isEqualTo(2);
    }
  }

  @Test
  void theTimeAllowedMustBePositive() {
    assertThatThrownBy(() -> LuceneSearch.builder().timeAllowed(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeAllowed");
  }
}
