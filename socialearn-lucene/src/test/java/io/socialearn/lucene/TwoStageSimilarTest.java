package io.socialearn.lucene;

import static io.socialearn.lucene.Events.answer;
import static io.socialearn.lucene.Events.question;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Similar questions without a {@code within} set, for a page of at most {@link
 * IndexQueries#TWO_STAGE_LIMIT}, go through a candidate stage and a full rescoring; with one, or
 * for more hits, they are scored fully in one pass. Where every match is a candidate, both must
 * rank and score alike.
 */
class TwoStageSimilarTest {
  private static final Set<SpaceId> HR = Set.of(SpaceId.of("hr"));
  private static final String[] WORDS = {"payroll", "deadline", "portal", "login", "expense",
      "travel", "laptop", "badge", "holiday", "contract", "pension", "training", "parking",
      "printer", "invoice"};

  @Test
  void twoStagesRankAndScoreLikeOneFullPassWhenEveryMatchIsACandidate() {
    Random random = new Random(7);
    Events events = new Events();
    List<DomainEvent> batch = new ArrayList<>();
    Set<ThreadId> all = new HashSet<>();
    // 28 readable threads, fewer than the candidate stage keeps: every match is a candidate
    int threads = 36;
    assertThat(threads - (threads + 4) / 5).isLessThanOrEqualTo(IndexQueries.SIMILAR_CANDIDATES);
    for (int i = 0; i < threads; i++) {
      batch.add(question("q" + i, i % 5 == 0 ? "eng" : "hr", "ana", words(random, 4),
          words(random, 12), "t" + i % 3));
      batch.add(answer("a" + i, "q" + i, words(random, 8)));
      all.add(ThreadId.of("q" + i));
    }
    try (LuceneSearchIndex index = LuceneSearch.inMemory()) {
      index.apply(events.record(batch.toArray(DomainEvent[]::new)));
      for (int draft = 0; draft < 10; draft++) {
        String title = words(random, 3);
        String body = words(random, 6);
        List<SearchHit> twoStages = index.similarQuestions(
            SimilarQuery.of(title, body, List.of(), 10), HR);
        List<SearchHit> onePass = index.similarQuestions(
            new SimilarQuery(title, body, List.of(), 10, all), HR);
        assertThat(twoStages).isNotEmpty().isEqualTo(onePass);
        assertThat(twoStages).allSatisfy(h -> assertThat(h.space()).isEqualTo(SpaceId.of("hr")));
      }
    }
  }

  @Test
  void manyHitsAskedForAreScoredInOneFullPassEvenWhenMatchesOutnumberTheCandidates() {
    Random random = new Random(11);
    Events events = new Events();
    List<DomainEvent> batch = new ArrayList<>();
    Set<ThreadId> all = new HashSet<>();
    for (int i = 0; i < 400; i++) {
      batch.add(question("q" + i, "hr", "ana", coined(random, 4), coined(random, 30),
          "t" + i % 3));
      all.add(ThreadId.of("q" + i));
    }
    int limit = 30;
    try (LuceneSearchIndex index = LuceneSearch.inMemory()) {
      index.apply(events.record(batch.toArray(DomainEvent[]::new)));
      for (int draft = 0; draft < 10; draft++) {
        String title = coined(random, 3);
        String body = coined(random, 25);
        List<SearchHit> asked = index.similarQuestions(
            SimilarQuery.of(title, body, List.of(), limit), HR);
        List<SearchHit> onePass = index.similarQuestions(
            new SimilarQuery(title, body, List.of(), limit, all), HR);
        assertThat(asked).hasSize(limit).isEqualTo(onePass);
      }
    }
  }

  @Test
  void aTitleOfOnlyVeryCommonWordsStillFindsCandidatesInALargeIndex() {
    Random random = new Random(5);
    Events events = new Events();
    List<DomainEvent> batch = new ArrayList<>();
    int threads = DraftQueries.COMMON_TITLE_MIN_THREADS + 200;
    for (int i = 0; i < threads; i++) {
      batch.add(question("q" + i, "hr", "ana", "payroll " + coined(random, 3),
          coined(random, 12), "t" + i % 3));
    }
    try (LuceneSearchIndex index = LuceneSearch.inMemory()) {
      index.apply(events.record(batch.toArray(DomainEvent[]::new)));
      List<SearchHit> common = index.similarQuestions(
          SimilarQuery.of("payroll", "", List.of(), 10), HR);
      assertThat(common).as("a word in every title still chooses candidates when it is all there"
          + " is").hasSize(10);
      List<SearchHit> mixed = index.similarQuestions(
          SimilarQuery.of("payroll " + coined(new Random(5), 3), "", List.of(), 10), HR);
      assertThat(mixed.get(0).thread()).as("the rare words choose the candidates")
          .isEqualTo(ThreadId.of("q0"));
    }
  }

  @Test
  void aDraftOfNoIndexedWordFindsItsTagsQuestionsOnAPageOfAnySize() {
    Random random = new Random(3);
    Events events = new Events();
    List<DomainEvent> batch = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      batch.add(question("q" + i, "hr", "ana", words(random, 4), words(random, 12),
          "t" + i % 3));
    }
    try (LuceneSearchIndex index = LuceneSearch.inMemory()) {
      index.apply(events.record(batch.toArray(DomainEvent[]::new)));
      // stop words only, and words in no thread
      for (String[] draft : new String[][] {{"is it the", "to be or not"}, {"how do I", ""}}) {
        List<SearchHit> small = index.similarQuestions(
            SimilarQuery.of(draft[0], draft[1], List.of(new Tag("t1")), 5), HR);
        List<SearchHit> large = index.similarQuestions(
            SimilarQuery.of(draft[0], draft[1], List.of(new Tag("t1")), 20), HR);
        assertThat(large).as("one pass: the tag finds the questions").hasSize(10)
            .allSatisfy(h -> assertThat(Integer.parseInt(h.thread().value().substring(1)) % 3)
                .isEqualTo(1));
        assertThat(small).as("two stages: the tag chooses the candidates")
            .isEqualTo(large.subList(0, 5));
      }
    }
  }

  /** Words from a vocabulary of 300 made-up ones, so that drafts have many informative terms. */
  private static String coined(Random random, int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append("zq").append(Integer.toString(random.nextInt(300), 26).replace('0', 'x'))
          .append("k ");
    }
    return text.toString().strip();
  }

  private static String words(Random random, int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    return text.toString().strip();
  }
}
