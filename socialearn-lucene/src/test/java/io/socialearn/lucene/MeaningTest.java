package io.socialearn.lucene;

import static io.socialearn.lucene.Events.answer;
import static io.socialearn.lucene.Events.question;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.ThreadEdited;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.ThreadId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Similar questions by meaning as well as words, with a host's {@link TextEmbedder}: a toy
 * embedder that knows a few synonyms stands in for a sentence model.
 */
class MeaningTest {
  private static final Set<SpaceId> HR = Set.of(SpaceId.of("hr"));
  private static final Set<SpaceId> BOTH = Set.of(SpaceId.of("hr"), SpaceId.of("board"));
  private static final SimilarQuery DRAFT =
      SimilarQuery.of("automobile insurance price", "", List.of(), 5);

  @TempDir
  Path dir;

  /**
   * Words that mean the same land on the same component; any other word on one of its own.
   * Records every text it embeds; fails on "boom", answers NaN for "nan".
   */
  static final class Synonyms implements TextEmbedder {
    private static final Map<String, Integer> CONCEPTS = Map.of("automobile", 0, "car", 0,
        "vehicle", 0, "insurance", 1, "cover", 1, "policy", 1, "price", 2, "cheap", 2,
        "cost", 2);
    final List<String> texts = new CopyOnWriteArrayList<>();
    private final String name;

    Synonyms(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public float[] embed(String text) {
      texts.add(text);
      if (text.contains("boom")) {
        throw new IllegalStateException("the model is down");
      }
      float[] vector = new float[64];
      for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
        if (word.equals("nan")) {
          vector[5] = Float.NaN;
        } else if (!word.isEmpty()) {
          vector[CONCEPTS.getOrDefault(word, 3 + Math.floorMod(word.hashCode(), 61))] += 1;
        }
      }
      return vector;
    }
  }

  /** A question that says the draft in other words, one sharing a word, and others. */
  private static DomainEvent[] threads() {
    return new DomainEvent[] {
        question("paraphrase", "hr", "ana", "Cheap car cover", "Car cover price?"),
        question("sameWord", "hr", "ana", "Automobile paint colours", "Which paint lasts?"),
        question("other1", "hr", "ana", "Printer toner price list",
            "Where is the price list for toner?"),
        question("other2", "hr", "ana", "Insurance claim form",
            "Where is the insurance claim form?"),
        question("hidden", "board", "ana", "Automobile insurance price",
            "The board's automobile insurance price"),
    };
  }

  private static List<String> ids(List<SearchHit> hits) {
    return hits.stream().map(h -> h.thread().value()).toList();
  }

  @Test
  void meaningLiftsAParaphraseAboveAThreadThatOnlySharesAWord() {
    Events events = new Events();
    var batch = events.record(threads());
    List<String> byWords;
    try (LuceneSearchIndex index = LuceneSearch.inMemory()) {
      index.apply(batch);
      byWords = ids(index.similarQuestions(DRAFT, HR));
    }
    // by words the paraphrase comes last: it shares only "price" with the draft
    assertThat(byWords).hasSize(4).last().isEqualTo("paraphrase");
    Synonyms embedder = new Synonyms("toy-1");
    try (LuceneSearchIndex index = LuceneSearch.builder().embedder(embedder).build()) {
      index.apply(batch);
      List<SearchHit> hits = index.similarQuestions(DRAFT, HR);
      List<String> byMeaning = ids(hits);
      // scores stay positive and in rank order, as relevance callers divide by the best one's
      for (int i = 0; i < hits.size(); i++) {
        assertThat(hits.get(i).score()).isStrictlyBetween(0.0, 1.0)
            .isLessThanOrEqualTo(hits.get(Math.max(0, i - 1)).score());
      }
      assertThat(byMeaning.indexOf("paraphrase")).isLessThan(byMeaning.indexOf("sameWord"))
          .isLessThan(byMeaning.indexOf("other1"));
      assertThat(byMeaning).containsExactlyInAnyOrderElementsOf(byWords);
      assertThat(ids(index.similarQuestions(DRAFT, BOTH)).get(0)).isEqualTo("hidden");
      assertThat(index.name()).endsWith(":toy-1");
    }
    // the draft and each of the five questions once
    assertThat(embedder.texts).hasSize(1 + 5 + 1);
  }

  @Test
  void aVectorGoesOnWithItsThreadThroughAnswersAndReopeningAndAnEditEmbedsItAgain() {
    Synonyms embedder = new Synonyms("toy-1");
    Events events = new Events();
    try (LuceneSearchIndex index = LuceneSearch.builder().directory(dir).embedder(embedder)
        .build()) {
      index.apply(events.record(threads()));
      index.commitNow();
    }
    assertThat(embedder.texts).hasSize(5);
    try (LuceneSearchIndex index = LuceneSearch.builder().directory(dir).embedder(embedder)
        .build()) {
      assertThat(index.checkpoint()).isEqualTo(5);
      // rewritten from what the index holds, not from memory
      index.apply(events.record(answer("a1", "paraphrase", "Try the staff scheme")));
      index.commitNow();
      assertThat(embedder.texts).hasSize(5);
      List<String> ranked = ids(index.similarQuestions(DRAFT, HR));
      assertThat(ranked.indexOf("paraphrase")).isLessThan(ranked.indexOf("sameWord"));
      index.apply(events.record(new ThreadEdited(ThreadId.of("paraphrase"), "Staff canteen menu",
          "What is on the menu today?", List.of(), PersonId.of("ana"), "")));
      index.commitNow();
      assertThat(embedder.texts.get(embedder.texts.size() - 1))
          .isEqualTo("Staff canteen menu\nWhat is on the menu today?");
      assertThat(ids(index.similarQuestions(DRAFT, HR))).doesNotContain("paraphrase");
    }
  }

  @Test
  void anotherEmbedderOrNoneRebuildsTheIndexFromTheLog() {
    Events events = new Events();
    try (LuceneSearchIndex index = LuceneSearch.builder().directory(dir)
        .embedder(new Synonyms("toy-1")).build()) {
      index.apply(events.record(threads()));
      index.commitNow();
    }
    try (LuceneSearchIndex index = LuceneSearch.builder().directory(dir)
        .embedder(new Synonyms("toy-1")).build()) {
      assertThat(index.checkpoint()).isEqualTo(5);
    }
    try (LuceneSearchIndex index = LuceneSearch.builder().directory(dir)
        .embedder(new Synonyms("toy-2")).build()) {
      assertThat(index.checkpoint()).isZero();
      index.apply(new Events().record(threads()));
      index.commitNow();
    }
    try (LuceneSearchIndex index = LuceneSearch.at(dir)) {
      assertThat(index.checkpoint()).isZero();
    }
  }

  @Test
  void anEmbedderThatFailsCostsMeaningNeverAnEvent() {
    Synonyms embedder = new Synonyms("toy-1");
    Events events = new Events();
    List<DomainEvent> batch = new ArrayList<>(List.of(threads()));
    batch.add(question("broken", "hr", "ana", "Automobile boom", "boom"));
    batch.add(question("notANumber", "hr", "ana", "Automobile nan", "nan"));
    try (LuceneSearchIndex index = LuceneSearch.builder().embedder(embedder).build();
        LuceneSearchIndex words = LuceneSearch.inMemory()) {
      index.apply(events.record(batch.toArray(DomainEvent[]::new)));
      words.apply(new Events().record(batch.toArray(DomainEvent[]::new)));
      assertThat(ids(index.similarQuestions(DRAFT, HR))).contains("broken", "notANumber");
      // a draft the model fails on is matched by its words alone
      SimilarQuery failing = SimilarQuery.of("automobile boom", "", List.of(), 5);
      assertThat(index.similarQuestions(failing, HR))
          .isEqualTo(words.similarQuestions(failing, HR));
    }
  }

  @Test
  void reRankingKeepsTheHitsAndTheirOrderWhereMeaningCannotTell() {
    org.apache.lucene.search.ScoreDoc[] hits = {new org.apache.lucene.search.ScoreDoc(1, 3f),
        new org.apache.lucene.search.ScoreDoc(2, 2f), new org.apache.lucene.search.ScoreDoc(3, 1f)};
    float[] draft = {1, 0};
    // one vector: nothing to compare
    assertThat(Meaning.rerank(hits, new float[][] {null, {1, 0}, null}, draft)).isSameAs(hits);
    // equal cosines: the words decide
    var same = Meaning.rerank(hits, new float[][] {{0, 1}, {0, 2}, {0, 3}}, draft);
    assertThat(same).extracting(h -> h.doc).containsExactly(1, 2, 3);
    // only the last means the draft: it passes the second, not the first (z-scores 1.22, 0,
    // -1.22 by words; -0.71, -0.71, 1.41 by meaning)
    var lifted = Meaning.rerank(hits, new float[][] {{0, 1}, {0, 1}, {1, 0}}, draft);
    assertThat(lifted).extracting(h -> h.doc).containsExactly(1, 3, 2);
    assertThat(lifted[0].score).isCloseTo((float) (1 / (1 + Math.exp(-(1.2247 - 0.7071)))),
        org.assertj.core.data.Offset.offset(1e-3f));
    assertThat(lifted).allSatisfy(h -> assertThat(h.score).isBetween(0f, 1f));
    // a vector of another length counts as none: the middle one keeps z 0 for meaning
    var other = Meaning.rerank(hits, new float[][] {{0, 1}, {0, 1, 0}, {1, 0}}, draft);
    assertThat(other).extracting(h -> h.doc).containsExactly(1, 2, 3);
  }

  @Test
  void anEmbedderWithoutANameIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> LuceneSearch.builder().embedder(new Synonyms(" ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a name");
  }

  @Test
  void aProblemVectorIsNamed() {
    assertThat(Meaning.problem(new float[0])).isEqualTo("no vector");
    assertThat(Meaning.problem(new float[] {0, 0})).isEqualTo("a zero vector");
    assertThat(Meaning.problem(new float[] {1, Float.POSITIVE_INFINITY}))
        .contains("not finite");
    assertThat(Meaning.problem(new float[] {0, 0.5f})).isNull();
    float[] vector = {0.25f, -1.5f, 3e-7f};
    assertThat(Meaning.decode(Meaning.encode(vector))).containsExactly(vector);
  }
}
