package io.socialearn.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.socialearn.api.event.CommentAdded;
import io.socialearn.api.event.PostDeleted;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.search.SearchIndex;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.thread.CommentId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the {@link SearchIndexContract} against {@link MemorySearchIndex}, plus its specifics. */
class MemorySearchIndexTest extends SearchIndexContract {

  @Override
  protected SearchIndex newIndex() {
    return MemorySearchIndex.create();
  }

  @Test
  void nameIsMemoryBm25V1() {
    assertThat(index.name()).isEqualTo("memory-bm25-v1");
  }

  @Test
  void titleMatchOutranksBodyOnlyMatch() {
    apply(thread("t-body", HR, "Monthly question", "About payroll cutoff"),
        thread("t-title", HR, "Payroll cutoff", "Monthly question about it"));

    SearchResults results = search("payroll", HR);

    assertThat(ids(results)).containsExactly("t-title", "t-body");
    assertThat(results.hits().get(0).score()).isGreaterThan(results.hits().get(1).score());
  }

  @Test
  void scoresAreBm25WithTitleTermsCountedTwice() {
    // One thread: title "alpha" weighs 2, body "beta gamma" weighs 2, so length 4 = average.
    apply(thread("t-1", HR, "Alpha", "beta gamma"));
    double idf = Math.log(1 + (1 - 1 + 0.5) / (1 + 0.5));

    double beta = search("beta", HR).hits().get(0).score();
    double alpha = search("alpha", HR).hits().get(0).score();

    // tf 1: idf * 1 * 2.2 / (1 + 1.2); tf 2: idf * 2 * 2.2 / (2 + 1.2).
    assertThat(beta).isCloseTo(idf, within(1e-9));
    assertThat(alpha).isCloseTo(idf * 4.4 / 3.2, within(1e-9));
    assertThat(search("alpha beta", HR).hits().get(0).score())
        .isCloseTo(alpha + beta, within(1e-9));
  }

  @Test
  void rarerTermsWeighMoreAndShorterThreadsWin() {
    apply(thread("t-1", HR, "Laptop", "docking station"),
        thread("t-2", HR, "Laptop", "monitor cable"),
        thread("t-3", HR, "Laptop", "monitor stand adjustable height ergonomic desk chair"));

    SearchResults rare = search("docking laptop", HR);
    assertThat(ids(rare).get(0)).isEqualTo("t-1");

    SearchResults monitor = search("monitor", HR);
    assertThat(ids(monitor)).containsExactly("t-2", "t-3");
  }

  @Test
  void aThreadMatchesWhenItHoldsAnyQueryTermAndMoreTermsRankHigher() {
    apply(thread("t-1", HR, "Payroll", "salary"),
        thread("t-2", ENG, "Kubernetes", "cluster"),
        thread("t-3", ENG, "Payroll Kubernetes", "migration"));

    SearchResults results = search("payroll kubernetes", HR, ENG);

    assertThat(results.totalHits()).isEqualTo(3);
    assertThat(ids(results).get(0)).isEqualTo("t-3");
  }

  @Test
  void equalScoresAreOrderedByThreadId() {
    apply(thread("t-c", HR, "Printer", "jam"),
        thread("t-a", HR, "Printer", "jam"),
        thread("t-b", HR, "Printer", "jam"));

    assertThat(ids(search("printer", HR))).containsExactly("t-a", "t-b", "t-c");
    assertThat(ids(search("printer", 2, HR))).containsExactly("t-a", "t-b");
  }

  @Test
  void stopWordsAloneMatchNothing() {
    apply(thread("t-1", HR, "The state of the art", "It is what it is, and that is that"));

    SearchResults results = search("the of and is", HR);

    assertThat(results.hits()).isEmpty();
    assertThat(results.totalHits()).isZero();
    assertThat(ids(search("the art", HR))).containsExactly("t-1");
  }

  @Test
  void cPlusPlusAndCSharpAreTermsOfTheirOwn() {
    apply(thread("t-cpp", ENG, "Pointers in C++", "smart pointers"),
        thread("t-c", ENG, "C basics", "malloc"),
        thread("t-cs", ENG, "Records in C#", "immutability"));

    assertThat(ids(search("c++", ENG))).containsExactly("t-cpp");
    assertThat(ids(search("C#", ENG))).containsExactly("t-cs");
    assertThat(ids(search("c", ENG))).containsExactly("t-c");
  }

  @Test
  void unicodeWordsAreFoundWhole() {
    apply(thread("t-1", HR, "Überstunden im März", "Straße café"));

    assertThat(ids(search("überstunden", HR))).containsExactly("t-1");
    assertThat(ids(search("MÄRZ", HR))).containsExactly("t-1");
    assertThat(ids(search("café", HR))).containsExactly("t-1");
    assertThat(search("cafe", HR).totalHits()).isZero();
  }

  @Test
  void commentsCountUntilTheirAnswerIsDeleted() {
    apply(thread("t-1", HR, "Expenses question", "How?"),
        new CommentAdded(CommentId.of("c-1"), ThreadId.of("t-1"), ThreadId.of("t-1"),
            "Which currency?", PersonId.of("cy")),
        answer("p-1", "t-1", "Use the portal"),
        new CommentAdded(CommentId.of("c-2"), PostId.of("p-1"), ThreadId.of("t-1"),
            "Works for mileage too", PersonId.of("cy")));

    assertThat(ids(search("currency", HR))).containsExactly("t-1");
    assertThat(ids(search("mileage", HR))).containsExactly("t-1");

    apply(new PostDeleted(PostId.of("p-1"), ThreadId.of("t-1"), "outdated", PersonId.of("mod")));

    assertThat(search("mileage", HR).totalHits()).isZero();
    assertThat(ids(search("currency", HR))).containsExactly("t-1");
  }

  @Test
  void eventsForUnknownOrDeletedThreadsAreIgnored() {
    apply(answer("p-1", "t-ghost", "phantom"), deleteThread("t-ghost"),
        thread("t-1", HR, "Payroll", "monthly"), deleteThread("t-1"),
        answer("p-2", "t-1", "phantom reply"), edit("t-1", "Phantom edit", "phantom"));

    assertThat(search("phantom", HR).totalHits()).isZero();
    assertThat(search("payroll", HR).totalHits()).isZero();
    assertThat(index.checkpoint()).isEqualTo(6);
  }

  @Test
  void overlappingBatchAppliesOnlyTheNewEvents() {
    List<RecordedEvent> events = record(thread("t-1", HR, "Payroll", "monthly"),
        edit("t-1", "Vacation", "summer"), thread("t-2", HR, "Parking", "guests"));
    index.apply(events.subList(0, 2));

    index.apply(events);

    assertThat(index.checkpoint()).isEqualTo(3);
    assertThat(search("payroll", HR).totalHits()).isZero();
    assertThat(ids(search("vacation parking", HR))).containsExactlyInAnyOrder("t-1", "t-2");
  }

  @Test
  void closedIndexRefusesApplyAndSearchButKeepsNameAndCheckpoint() {
    apply(thread("t-1", HR, "Payroll", "monthly"));

    index.close();
    index.close();

    assertThatThrownBy(() -> search("payroll", HR)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> apply(thread("t-2", HR, "Parking", "guests")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(index.name()).isEqualTo("memory-bm25-v1");
    assertThat(index.checkpoint()).isEqualTo(1);
  }

  @Test
  void searchesRunSafelyWhileBatchesAreApplied() throws Exception {
    int threads = 300;
    ExecutorService readers = Executors.newFixedThreadPool(3);
    List<Future<Long>> seen = new ArrayList<>();
    try {
      for (int r = 0; r < 3; r++) {
        seen.add(readers.submit(() -> {
          long last = 0;
          while (last < threads && !Thread.currentThread().isInterrupted()) {
            SearchResults results = index.search(SearchQuery.of("invoice").limit(5), Set.of(HR));
            assertThat(results.totalHits()).isGreaterThanOrEqualTo(last);
            assertThat(results.hits().size()).isEqualTo((int) Math.min(5, results.totalHits()));
            last = results.totalHits();
          }
          return last;
        }));
      }
      for (int i = 0; i < threads; i++) {
        apply(thread("t-" + i, HR, "Invoice " + i, "invoice body"), answer("p-" + i, "t-" + i,
            "answer"));
      }
      for (Future<Long> each : seen) {
        assertThat(each.get(60, TimeUnit.SECONDS)).isEqualTo(threads);
      }
    } finally {
      readers.shutdownNow();
      assertThat(readers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(index.checkpoint()).isEqualTo(2L * threads);
  }
}
