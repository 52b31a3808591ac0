package io.socialearn.lucene;

import static io.socialearn.lucene.Events.answer;
import static io.socialearn.lucene.Events.question;
import static io.socialearn.lucene.Events.upVote;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SearchResults;
import io.socialearn.api.search.SearchSort;
import io.socialearn.api.space.SpaceId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index on disk: its checkpoint, live scores and schema survive close and reopen. */
class LuceneSearchIndexIT {
  private static final Set<SpaceId> HR = Set.of(SpaceId.of("hr"));

  @TempDir
  Path dir;

  private static List<String> ids(SearchResults results) {
    return results.hits().stream().map(h -> h.thread().value()).toList();
  }

  @Test
  void checkpointContentAndVotesSurviveCloseAndReopen() {
    Events events = new Events();
    try (LuceneSearchIndex index = LuceneSearch.at(dir)) {
      index.apply(events.record(question("q1", "hr", "ana", "Payroll deadline", "monthly"),
          question("q2", "hr", "ana", "Payroll portal", "login")));
      index.apply(events.record(upVote("q2", "u1"), upVote("q2", "u2"),
          answer("a1", "q1", "the fifteenth")));
    }
    try (LuceneSearchIndex index = LuceneSearch.at(dir)) {
      assertThat(index.checkpoint()).isEqualTo(5);
      assertThat(ids(index.search(SearchQuery.of("fifteenth"), HR))).containsExactly("q1");
      SearchQuery byVotes = new SearchQuery("payroll score:>=2", SearchSort.VOTES, 10, null);
      assertThat(ids(index.search(byVotes, HR))).containsExactly("q2");
      index.apply(events.record(upVote("q1", "u1"), upVote("q1", "u2"), upVote("q1", "u3"),
          question("q3", "hr", "ana", "Payroll calendar", "dates")));
      assertThat(ids(index.search(byVotes.sortedBy(SearchSort.VOTES), HR)))
          .containsExactly("q1", "q2");
    }
    try (LuceneSearchIndex index = LuceneSearch.at(dir)) {
      assertThat(index.checkpoint()).isEqualTo(9);
      SearchQuery byVotes = new SearchQuery("payroll", SearchSort.VOTES, 10, null);
      assertThat(ids(index.search(byVotes, HR))).containsExactly("q1", "q2", "q3");
    }
  }

  /**
   * A commit runs beside further applies, so it may hold events after its checkpoint; the
   * catch-up replay of those events must count each vote and answer once.
   */
  @Test
  void replayOverACommitThatAlreadyHoldsLaterEventsCountsEachOnce() throws Exception {
    Events events = new Events();
    var early = events.record(question("q1", "hr", "ana", "Payroll deadline", "monthly"),
        upVote("q1", "u1"));
    var late = events.record(upVote("q1", "u2"),
        question("q2", "hr", "ana", "Payroll portal", "login"), upVote("q2", "u1"),
        answer("a1", "q2", "the fifteenth"), upVote("q2", "u2"));
    try (LuceneSearchIndex index = LuceneSearch.at(dir)) {
      index.apply(early);
      index.apply(late);
    }
    rewindCheckpointTo(2);
    SearchQuery byVotes = new SearchQuery("payroll", SearchSort.VOTES, 10, null);
    try (LuceneSearchIndex index = LuceneSearch.at(dir)) {
      assertThat(index.checkpoint()).isEqualTo(2);
      index.apply(late);
      assertThat(index.checkpoint()).isEqualTo(7);
      assertThat(ids(index.search(SearchQuery.of("payroll score:>=2"), HR)))
          .containsExactlyInAnyOrder("q1", "q2");
      assertThat(index.search(SearchQuery.of("payroll score:>=3"), HR).totalHits()).isZero();
      assertThat(index.search(SearchQuery.of("fifteenth"), HR).totalHits()).isEqualTo(1);
      index.apply(events.record(upVote("q2", "u3"),
          question("q3", "hr", "ana", "Payroll extra", "more")));
      assertThat(ids(index.search(byVotes, HR))).containsExactly("q2", "q1", "q3");
    }
    try (LuceneSearchIndex index = LuceneSearch.at(dir)) {
      assertThat(index.checkpoint()).isEqualTo(9);
      assertThat(ids(index.search(SearchQuery.of("payroll score:>=3"), HR)))
          .containsExactly("q2");
      assertThat(index.search(SearchQuery.of("payroll score:>=4"), HR).totalHits()).isZero();
      assertThat(ids(index.search(byVotes, HR))).containsExactly("q2", "q1", "q3");
      index.apply(events.record(question("q4", "hr", "ana", "Payroll more", "x"),
          upVote("q4", "u1"), upVote("q4", "u2"), upVote("q4", "u3"), upVote("q4", "u4")));
      assertThat(ids(index.search(byVotes, HR))).containsExactly("q4", "q2", "q1", "q3");
    }
  }

  /** Sets the last commit's checkpoint back, as if the commit had cut in after event {@code to}. */
  private void rewindCheckpointTo(long to) throws Exception {
    try (FSDirectory fs = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(fs, new IndexWriterConfig(new StandardAnalyzer())
            .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Map<String, String> data = new java.util.HashMap<>(
          org.apache.lucene.index.SegmentInfos.readLatestCommit(fs).getUserData());
      data.put(Fields.DATA_CHECKPOINT, Long.toString(to));
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    }
  }

  @Test
  void periodicCommitsPersistWithoutClose() throws Exception {
    LuceneSearchIndex index = LuceneSearch.builder().directory(dir)
        .commitInterval(Duration.ofMillis(20)).build();
    index.apply(new Events().record(question("q1", "hr", "ana", "Payroll", "x")));
    // waits for the background commit by its effect, not by a timed assertion
    while (index.checkpoint() != committedCheckpoint()) {
      Thread.sleep(10);
    }
    index.closeWithoutCommit();
    try (LuceneSearchIndex reopened = LuceneSearch.at(dir)) {
      assertThat(reopened.checkpoint()).isEqualTo(1);
      assertThat(reopened.search(SearchQuery.of("payroll"), HR).totalHits()).isEqualTo(1);
    }
  }

  private long committedCheckpoint() throws Exception {
    try (FSDirectory fs = FSDirectory.open(dir)) {
      String value = org.apache.lucene.index.SegmentInfos.readLatestCommit(fs).getUserData()
          .get(Fields.DATA_CHECKPOINT);
      return value == null ? -1 : Long.parseLong(value);
    }
  }

  @Test
  void anUncommittedBatchIsLostAndTheCheckpointSaysSo() {
    Events events = new Events();
    LuceneSearchIndex index = LuceneSearch.builder().directory(dir)
        .commitInterval(Duration.ofHours(1)).build();
    index.apply(events.record(question("q1", "hr", "ana", "Payroll deadline", "monthly")));
    index.commitNow();
    index.apply(events.record(question("q2", "hr", "ana", "Payroll portal", "login"),
        upVote("q1", "u1")));
    index.closeWithoutCommit();

    try (LuceneSearchIndex reopened = LuceneSearch.at(dir)) {
      assertThat(reopened.checkpoint()).isEqualTo(1);
      assertThat(ids(reopened.search(SearchQuery.of("payroll"), HR))).containsExactly("q1");
      assertThat(reopened.search(SearchQuery.of("payroll score:>=1"), HR).totalHits()).isZero();
    }
  }

  @Test
  void anIndexOfAnotherSchemaIsWipedAndStartsAtZero() throws Exception {
    try (FSDirectory fs = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(fs, new IndexWriterConfig())) {
      writer.addDocument(new Document());
      writer.setLiveCommitData(Map.of(Fields.DATA_SCHEMA, "socialearn-threads-v0",
          Fields.DATA_CHECKPOINT, "42").entrySet());
      writer.commit();
    }
    try (LuceneSearchIndex index = LuceneSearch.at(dir)) {
      assertThat(index.checkpoint()).isZero();
      index.apply(new Events().record(question("q1", "hr", "ana", "Payroll", "x")));
      assertThat(index.search(SearchQuery.of("payroll"), HR).totalHits()).isEqualTo(1);
    }
  }

  @Test
  void aCommitWhoseCheckpointIsNotANumberIsRebuilt() throws Exception {
    try (LuceneSearchIndex index = LuceneSearch.at(dir)) {
      index.apply(new Events().record(question("q1", "hr", "ana", "Payroll", "x")));
    }
    try (FSDirectory fs = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(fs, new IndexWriterConfig()
            .setIndexSort(LuceneSearchIndex.INDEX_SORT)
            .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Map<String, String> data = new HashMap<>();
      writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
      data.put(Fields.DATA_CHECKPOINT, "not a number");
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    }
    // was a NumberFormatException after the writer had taken the directory's lock
    try (LuceneSearchIndex index = LuceneSearch.at(dir)) {
      assertThat(index.checkpoint()).isZero();
      assertThat(index.search(SearchQuery.of("payroll"), HR).totalHits()).isZero();
      index.apply(new Events().record(question("q1", "hr", "ana", "Payroll", "x")));
      assertThat(index.search(SearchQuery.of("payroll"), HR).totalHits()).isEqualTo(1);
    }
  }

  @Test
  void intervalsTooLongForALongOfMillisecondsMeanNever() {
    Duration forever = ChronoUnit.FOREVER.getDuration();
    // toMillis() overflowed after the writer was open: an ArithmeticException and a held lock
    try (LuceneSearchIndex index = LuceneSearch.builder().directory(dir)
        .commitInterval(forever).refreshInterval(forever).build()) {
      index.apply(new Events().record(question("q1", "hr", "ana", "Payroll", "x")));
      index.commitNow();
    }
    try (LuceneSearchIndex index = LuceneSearch.at(dir)) {
      assertThat(index.search(SearchQuery.of("payroll"), HR).totalHits()).isEqualTo(1);
    }
  }

  @Test
  void anotherAnalyzerMakesTheIndexRebuild() {
    try (LuceneSearchIndex index = LuceneSearch.at(dir)) {
      index.apply(new Events().record(question("q1", "hr", "ana", "Payroll", "x")));
    }
    try (LuceneSearchIndex index = LuceneSearch.builder().directory(dir)
        .analyzer(new StandardAnalyzer()).build()) {
      assertThat(index.checkpoint()).isZero();
      assertThat(index.search(SearchQuery.of("payroll"), HR).totalHits()).isZero();
      assertThat(index.name()).endsWith("StandardAnalyzer");
    }
  }

  @Test
  void withARefreshIntervalChangesBecomeVisibleInTheBackground() throws Exception {
    try (LuceneSearchIndex index = LuceneSearch.builder()
        .refreshInterval(Duration.ofMillis(5)).build()) {
      index.apply(new Events().record(question("q1", "hr", "ana", "Payroll", "x")));
      // the background refresher makes it visible; no timing is asserted
      while (index.search(SearchQuery.of("payroll"), HR).totalHits() == 0) {
        Thread.sleep(5);
      }
      assertThat(ids(index.search(SearchQuery.of("payroll"), HR))).containsExactly("q1");
    }
  }
}
