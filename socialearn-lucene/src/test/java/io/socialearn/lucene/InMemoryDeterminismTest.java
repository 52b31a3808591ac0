package io.socialearn.lucene;

import static io.socialearn.lucene.Events.answer;
import static io.socialearn.lucene.Events.question;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SearchQuery;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.space.SpaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An in-memory index merges in the applying thread, so the same events and searches give the
 * same segments and so the same BM25 statistics and scores on every run (evaluations compare
 * runs, and background merges finishing at different times changed scores between them).
 */
class InMemoryDeterminismTest {
  private static final Set<SpaceId> HR = Set.of(SpaceId.of("hr"));
  private static final String[] WORDS = {"payroll", "deadline", "portal", "login", "tax",
      "form", "holiday", "leave", "laptop", "expense", "claim", "travel", "badge", "office"};

  private static List<List<RecordedEvent>> batches() {
    Random random = new Random(11);
    Events events = new Events();
    List<List<RecordedEvent>> batches = new ArrayList<>();
    int answers = 0;
    for (int batch = 0; batch < 40; batch++) {
      List<DomainEvent> list = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        int id = batch * 25 + i;
        list.add(question("q" + id, "hr", "ana", text(random, 4), text(random, 30)));
        for (int a = random.nextInt(3); a > 0; a--) {
          list.add(answer("a" + answers++, "q" + random.nextInt(id + 1), text(random, 20)));
        }
      }
      batches.add(events.record(list.toArray(DomainEvent[]::new)));
    }
    return batches;
  }

  private static String text(Random random, int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append(WORDS[random.nextInt(WORDS.length)]).append(i % 7 == 6 ? ". " : " ");
    }
    return text.toString();
  }

  private static List<String> run(List<List<RecordedEvent>> batches) {
    List<String> seen = new ArrayList<>();
    try (LuceneSearchIndex index = LuceneSearch.inMemory()) {
      for (List<RecordedEvent> batch : batches) {
        index.apply(batch);
        index.search(SearchQuery.of("payroll"), HR);
      }
      for (String word : WORDS) {
        for (SearchHit hit : index.similarQuestions(
            SimilarQuery.of(word + " tax form", "travel expense " + word, List.of(), 10), HR)) {
          seen.add(hit.thread().value() + "=" + hit.score());
        }
      }
    }
    return seen;
  }

  @Test
  void theSameEventsAndSearchesGiveTheSameScores() {
    List<List<RecordedEvent>> batches = batches();
    List<String> first = run(batches);
    assertThat(first).hasSize(10 * WORDS.length);
    for (int i = 0; i < 3; i++) {
      assertThat(run(batches)).isEqualTo(first);
    }
  }
}
