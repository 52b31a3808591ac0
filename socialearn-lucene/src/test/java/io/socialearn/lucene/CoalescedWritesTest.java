package io.socialearn.lucene;

import static io.socialearn.lucene.Events.answer;
import static io.socialearn.lucene.Events.question;
import static io.socialearn.lucene.Events.upVote;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.ThreadDeleted;
import io.socialearn.api.event.ThreadEdited;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.search.SearchSort;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events that change a thread several times before the next search or commit are written to
 * Lucene once: the one write holds all of them, deletes drop a thread never written, and a commit
 * writes what no search has asked for yet.
 */
class CoalescedWritesTest {
  private static final Set<SpaceId> HR = Set.of(SpaceId.of("hr"));

  private final Events events = new Events();

  private static List<String> ids(SearchResults results) {
    return results.hits().stream().map(SearchHit::thread).map(ThreadId::value).toList();
  }

  @Test
  void oneBatchThatStartsAnswersEditsVotesAndDeletesIsSearchableAsItsEnd() {
    try (LuceneSearchIndex index = LuceneSearch.inMemory()) {
      index.apply(events.record(
          question("q1", "hr", "ana", "Payroll cutoff", "When is the cutoff?", "payroll"),
          question("q2", "hr", "ana", "Payroll holidays", "Do holidays move payroll?"),
          answer("a1", "q1", "The cutoff is the 20th, ask kubernetes"),
          upVote("q2", "v1"),
          new ThreadEdited(ThreadId.of("q1"), "Payroll cutoff date", "When exactly is it?",
              List.of(Tag.of("payroll"), Tag.of("dates")), PersonId.of("ana"), "clarify"),
          answer("a2", "q1", "Holidays do not move it"),
          question("q3", "hr", "bo", "Payroll gone", "This one is deleted", "payroll"),
          answer("a3", "q3", "kubernetes again"),
          new ThreadDeleted(ThreadId.of("q3"), "spam", PersonId.of("mod"))));

      assertThat(ids(index.search(SearchQuery.of("kubernetes"), HR))).containsExactly("q1");
      assertThat(ids(index.search(SearchQuery.of("tag:dates exactly"), HR)))
          .containsExactly("q1");
      assertThat(index.search(SearchQuery.of("cutoff"), HR).hits().get(0).title())
          .isEqualTo("Payroll cutoff date");
      SearchResults all = index.search(new SearchQuery("payroll", SearchSort.VOTES, 10, null),
          HR);
      assertThat(ids(all)).containsExactly("q2", "q1");
      assertThat(all.totalHits()).isEqualTo(2);

      // a later batch changes a thread already written and one still waiting
      index.apply(events.record(answer("a4", "q2", "zebra stripes"),
          question("q4", "hr", "bo", "Zebra payroll", "stripes"), upVote("q4", "v1"),
          upVote("q4", "v2")));
      assertThat(ids(index.search(new SearchQuery("zebra", SearchSort.VOTES, 10, null), HR)))
          .containsExactly("q4", "q2");
    }
  }

  @Test
  void aCommitWritesChangesNoSearchAskedForAndTheyOutliveAReopen(@TempDir Path dir) {
    try (LuceneSearchIndex index = LuceneSearch.at(dir)) {
      index.apply(events.record(
          question("q1", "hr", "ana", "Payroll cutoff", "When is the cutoff?"),
          answer("a1", "q1", "ask kubernetes"), upVote("q1", "v1")));
      index.commitNow();
      index.apply(events.record(answer("a2", "q1", "lost unless replayed")));
      index.closeWithoutCommit();
    }
    try (LuceneSearchIndex reopened = LuceneSearch.at(dir)) {
      assertThat(reopened.checkpoint()).isEqualTo(3);
      assertThat(ids(reopened.search(SearchQuery.of("kubernetes"), HR))).containsExactly("q1");
      assertThat(reopened.search(SearchQuery.of("replayed"), HR).totalHits()).isZero();
      reopened.apply(events.record(upVote("q1", "v2")));
      assertThat(reopened.search(new SearchQuery("cutoff", SearchSort.VOTES, 10, null), HR)
          .hits()).extracting(SearchHit::thread).containsExactly(ThreadId.of("q1"));
    }
  }

  @Test
  void aCommitDuringAStretchKeepsChangedThreadsAndAReplayFromItsCheckpointRestoresThem(
      @TempDir Path dir) {
    var first = events.record(
        question("q1", "hr", "ana", "Payroll cutoff", "When is the cutoff?"));
    var answered = events.record(answer("a1", "q1", "ask kubernetes"));
    var stretch = events.record(answer("a2", "q1", "zebra stripes"),
        question("q2", "hr", "bo", "Payroll portal", "login fails"), upVote("q1", "v1"),
        upVote("q2", "v1"));
    var after = events.record(answer("a3", "q2", "zebra crossing"), upVote("q1", "v2"));
    try (LuceneSearchIndex index = LuceneSearch.at(dir)) {
      index.apply(first);
      index.commitNow();
      index.apply(answered);
      assertThat(index.search(SearchQuery.of("kubernetes"), HR).totalHits()).isEqualTo(1);
      index.apply(stretch);
      // q1 changed at 3 and q2 started at 4 are still in memory: the commit records 2, with
      // q1 as written at 2 and its live score (the vote at 5 counted)
      assertThat(index.commitHolding()).isTrue();
      index.apply(after);
      index.closeWithoutCommit();
    }
    try (LuceneSearchIndex reopened = LuceneSearch.at(dir)) {
      assertThat(reopened.checkpoint()).isEqualTo(2);
      assertThat(ids(reopened.search(SearchQuery.of("kubernetes"), HR))).containsExactly("q1");
      assertThat(reopened.search(SearchQuery.of("zebra"), HR).totalHits()).isZero();
      reopened.apply(stretch);
      reopened.apply(after);
      assertThat(ids(reopened.search(SearchQuery.of("zebra"), HR)))
          .containsExactlyInAnyOrder("q1", "q2");
      // the vote on q1 saved by the holding commit is not counted again on replay
      assertThat(ids(reopened.search(SearchQuery.of("payroll score:>=2"), HR)))
          .containsExactly("q1");
      assertThat(ids(reopened.search(SearchQuery.of("payroll score:1"), HR)))
          .containsExactly("q2");
    }
  }

  @Test
  void aCommitWithNothingHeldWritesEverythingAndRecordsTheLastEvent(@TempDir Path dir) {
    try (LuceneSearchIndex index = LuceneSearch.at(dir)) {
      index.apply(events.record(question("q1", "hr", "ana", "Payroll cutoff", "x")));
      index.search(SearchQuery.of("payroll"), HR);
      assertThat(index.commitHolding()).isFalse();
      index.closeWithoutCommit();
    }
    try (LuceneSearchIndex reopened = LuceneSearch.at(dir)) {
      assertThat(reopened.checkpoint()).isEqualTo(1);
      assertThat(reopened.search(SearchQuery.of("payroll"), HR).totalHits()).isEqualTo(1);
    }
  }
}
