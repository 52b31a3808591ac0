package io.socialearn.lucene;

import static io.socialearn.lucene.Events.answer;
import static io.socialearn.lucene.Events.question;
import static io.socialearn.lucene.Events.upVote;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchSort;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ThreadId;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What makes a search refresh first: a batch that writes or deletes a thread does, a batch of
 * votes only does not (searches read the live scores), and yet the votes order shows the votes at
 * once. On disk a refresh does not wait for merges of the segments it flushed; in memory it
 * still does, so evaluations keep their segments and scores.
 */
class RefreshNeedTest {
  private static final Set<SpaceId> HR = Set.of(SpaceId.of("hr"));

  private final Events events = new Events();

  @Test
  void votesAloneNeedNoRefreshYetShowInTheVotesOrder() {
    try (LuceneSearchIndex index = LuceneSearch.inMemory()) {
      index.apply(events.record(question("q1", "hr", "ana", "Payroll cutoff", "x"),
          question("q2", "hr", "ana", "Payroll holidays", "y"), upVote("q1", "v1")));
      assertThat(index.refreshPending()).isTrue();
      SearchQuery byVotes = new SearchQuery("payroll", SearchSort.VOTES, 10, null);
      assertThat(index.search(byVotes, HR).hits()).extracting(SearchHit::thread)
          .containsExactly(ThreadId.of("q1"), ThreadId.of("q2"));
      assertThat(index.refreshPending()).isFalse();

      index.apply(events.record(upVote("q2", "v1"), upVote("q2", "v2")));
      assertThat(index.refreshPending()).isFalse();
      assertThat(index.search(byVotes, HR).hits()).extracting(SearchHit::thread)
          .containsExactly(ThreadId.of("q2"), ThreadId.of("q1"));
      assertThat(index.search(new SearchQuery("payroll score:>=2", SearchSort.VOTES, 10, null),
          HR).hits()).extracting(SearchHit::thread).containsExactly(ThreadId.of("q2"));

      index.apply(events.record(answer("a1", "q1", "zebra"), upVote("q1", "v2")));
      assertThat(index.refreshPending()).isTrue();
      assertThat(index.search(SearchQuery.of("zebra"), HR).hits()).extracting(SearchHit::thread)
          .containsExactly(ThreadId.of("q1"));
    }
  }

  @Test
  void aVoteOnAThreadNotYetVisibleCountsOnceItIs() {
    try (LuceneSearchIndex index = LuceneSearch.inMemory()) {
      index.apply(events.record(question("q1", "hr", "ana", "Payroll cutoff", "x")));
      index.apply(events.record(question("q2", "hr", "ana", "Payroll holidays", "y")));
      index.apply(events.record(upVote("q2", "v1")));
      SearchQuery byVotes = new SearchQuery("payroll", SearchSort.VOTES, 10, null);
      assertThat(index.search(byVotes, HR).hits()).extracting(SearchHit::thread)
          .containsExactly(ThreadId.of("q2"), ThreadId.of("q1"));
    }
  }

  @Test
  void onDiskARefreshDoesNotWaitForMergesInMemoryItDoes(@TempDir Path dir) {
    try (LuceneSearchIndex index = LuceneSearch.at(dir)) {
      assertThat(index.fullFlushMergeWaitMillis()).isZero();
    }
    try (LuceneSearchIndex index = LuceneSearch.inMemory()) {
      assertThat(index.fullFlushMergeWaitMillis()).isPositive();
    }
  }
}
