package io.socialearn.lucene;

import static io.socialearn.lucene.Events.answer;
import static io.socialearn.lucene.Events.question;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ThreadId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Similar questions without a {@code within} set go through a candidate stage and a full
 * rescoring; with one they are scored fully in one pass. Where every match is a candidate, both
 * must rank and score alike.
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
    for (int i = 0; i < 60; i++) {
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

  private static String words(Random random, int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    return text.toString().strip();
  }
}
