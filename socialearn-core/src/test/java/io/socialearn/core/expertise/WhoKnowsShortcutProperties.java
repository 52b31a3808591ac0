package io.socialearn.core.expertise;

import static io.socialearn.core.expertise.ModelDriver.OPEN;
import static io.socialearn.core.expertise.ModelDriver.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialearn.api.event.ThreadDeleted;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.ExpertiseMix;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.expertise.ExpertiseModel.Column;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The shortcuts of "who knows" (reasons from the columns' tallies, recent answers once per
 * question from the per-topic sums, similar answers' votes and accepts from the answers' counts,
 * the heap ordered by rough upper bounds)
 * give what walking the evidence gives, over random histories
 * with every kind of reversal; and the tallies are what a count of the live evidence finds, also
 * in a model read back from a snapshot.
 */
class WhoKnowsShortcutProperties {
  private static final String[] PEOPLE = {"ana", "bo", "cy", "dee", "eve"};
  private static final String[] TOPICS = {"payroll", "tax", "excel", "vat"};
  /** A mix that weighs every signal, so that each one's bound takes part in the ranking. */
  private static final ExpertiseMix EVERY_SIGNAL = ExpertiseMix.of(
      ExpertiseMix.SIGNALS.stream().mapToDouble(name -> 1).toArray());

  /** One step of a history: {@code {kind, a, b, c}}. */
  @Provide
  Arbitrary<List<int[]>> histories() {
    return Arbitraries.integers().between(0, 999).array(int[].class).ofSize(4).list()
        .ofMinSize(10).ofMaxSize(150);
  }

  private record Answer(ThreadId thread, PostId post, String author, String asker) {}

  private static String[] tags(int code) {
    List<String> tags = new ArrayList<>();
    for (int i = 0; i < TOPICS.length; i++) {
      if ((code >> i & 1) == 1) {
        tags.add(TOPICS[i]);
      }
    }
    return tags.isEmpty() ? new String[] {TOPICS[code % TOPICS.length]}
        : tags.toArray(new String[0]);
  }

  private static ModelDriver replay(List<int[]> steps) {
    ModelDriver d = new ModelDriver();
    for (int i = 0; i < PEOPLE.length; i++) {
      d.person(PEOPLE[i], "unit" + i % 2, i % 2 == 0 ? new String[] {TOPICS[i % 4]}
          : new String[0]);
    }
    List<ThreadId> threads = new ArrayList<>();
    List<String> askers = new ArrayList<>();
    List<Answer> answers = new ArrayList<>();
    for (int[] s : steps) {
      int a = s[1];
      int b = s[2];
      int c = s[3];
      switch (s[0] % 11) {
        case 0, 1 -> {
          String asker = PEOPLE[a % PEOPLE.length];
          threads.add(d.question(a % 3 == 0 ? SECRET : OPEN, asker, tags(b % 16)));
          askers.add(asker);
        }
        case 2, 3 -> {
          if (!threads.isEmpty()) {
            int t = a % threads.size();
            String author = PEOPLE[b % PEOPLE.length];
            answers.add(new Answer(threads.get(t), d.answer(threads.get(t), author), author,
                askers.get(t)));
          }
        }
        case 4, 5 -> {
          if (!answers.isEmpty()) {
            Answer x = answers.get(a % answers.size());
            d.upvote(x.thread(), x.post(), PEOPLE[b % PEOPLE.length], x.author());
          }
        }
        case 6 -> {
          if (!answers.isEmpty()) {
            Answer x = answers.get(a % answers.size());
            if (b % 2 == 0) {
              d.unvote(x.thread(), x.post(), PEOPLE[c % PEOPLE.length], x.author());
            } else {
              d.accept(x.thread(), x.post(), x.asker(), x.author());
            }
          }
        }
        case 7 -> {
          if (!answers.isEmpty()) {
            Answer x = answers.get(a % answers.size());
            switch (b % 4) {
              case 0 -> d.unaccept(x.thread(), x.post(), x.asker(), x.author());
              case 1 -> d.delete(x.thread(), x.post());
              case 2 -> d.retag(x.thread(), tags(c % 16));
              default -> d.emit(new ThreadDeleted(x.thread(), "gone", PersonId.of("mod")));
            }
          }
        }
        case 8 -> d.endorse(PEOPLE[a % PEOPLE.length], PEOPLE[b % PEOPLE.length],
            TOPICS[c % TOPICS.length]);
        case 9 -> d.person(PEOPLE[a % PEOPLE.length], "unit" + b % 2, tags(c % 16));
        default -> d.advance(Duration.ofHours(1 + a % 200));
      }
      d.advance(Duration.ofMinutes(1 + c % 7));
    }
    return d;
  }

  @Property(tries = 300)
  void theShortcutsRankAndExplainAsTheWalksDo(@ForAll("histories") List<int[]> steps) {
    ModelDriver d = replay(steps);
    for (int code = 1; code < 16; code++) {
      List<Tag> topics = Arrays.stream(tags(code)).map(Tag::of).toList();
      // every other query weighs every signal, the last-answer ones (bounded from the week's) too
      ExpertiseMix mix = code % 2 == 0 ? ExpertiseMix.defaults() : EVERY_SIGNAL;
      for (Set<SpaceId> readable : List.of(Set.of(OPEN), Set.of(OPEN, SECRET))) {
        // similar threads: every third thread the viewer reads, by falling relevance
        List<SearchHit> hits = new ArrayList<>();
        for (ExpertiseModel.ThreadInfo t : d.model.threads.values()) {
          if (readable.contains(t.space()) && t.id().value().hashCode() % 3 == code % 3) {
            hits.add(new SearchHit(t.id(), t.space(), "t", 1 + hits.size() % 4, ""));
          }
        }
        List<ExpertCandidate> fast = rank(d, topics, hits, readable, mix, true);
        List<ExpertCandidate> walked = rank(d, topics, hits, readable, mix, false);
        assertThat(fast).extracting(ExpertCandidate::person)
            .isEqualTo(walked.stream().map(ExpertCandidate::person).toList());
        for (int i = 0; i < fast.size(); i++) {
          ExpertCandidate x = fast.get(i);
          ExpertCandidate y = walked.get(i);
          assertThat(x.reasons()).isEqualTo(y.reasons());
          assertThat(x.score()).isCloseTo(y.score(), within(1e-9 * (1 + y.score())));
          x.signals().forEach((name, v) -> assertThat(v)
              .isCloseTo(y.signals().get(name), within(1e-9 * (1 + v))));
        }
      }
    }
  }

  /**
   * Two accounts linked as one person's (ana and bo) are one candidate, named under one of them,
   * whose summed signals are the sums of what each account has alone (each signal being log(1 +
   * scale × its sum)) and whose last answer is the later; everyone else is ranked as without the
   * link; and the shortcuts give what the walks give.
   */
  @Property(tries = 200)
  void linkedAccountsAreScoredTogether(@ForAll("histories") List<int[]> steps) {
    ModelDriver d = replay(steps);
    List<List<PersonId>> linked = List.of(List.of(PersonId.of("ana"), PersonId.of("bo")));
    Set<PersonId> pair = Set.copyOf(linked.get(0));
    double[] scale = {1, 10, 10, 10, 5, 1, 10};
    for (int code = 1; code < 16; code += 3) {
      List<Tag> topics = Arrays.stream(tags(code)).map(Tag::of).toList();
      for (Set<SpaceId> readable : List.of(Set.of(OPEN), Set.of(OPEN, SECRET))) {
        List<SearchHit> hits = new ArrayList<>();
        for (ExpertiseModel.ThreadInfo t : d.model.threads.values()) {
          if (readable.contains(t.space()) && t.id().value().hashCode() % 3 == code % 3) {
            hits.add(new SearchHit(t.id(), t.space(), "t", 1 + hits.size() % 4, ""));
          }
        }
        List<ExpertCandidate> alone = rankAll(d, topics, hits, readable, List.of(), false);
        List<ExpertCandidate> fast = rankAll(d, topics, hits, readable, linked, true);
        List<ExpertCandidate> walked = rankAll(d, topics, hits, readable, linked, false);
        assertThat(fast).extracting(ExpertCandidate::person)
            .isEqualTo(walked.stream().map(ExpertCandidate::person).toList());
        // asked for fewer, the same best (the person made only if they can join them)
        for (int limit = 1; limit <= 3; limit++) {
          List<ExpertCandidate> few = new WhoKnows(d.model, readable::contains,
              d.now.toEpochMilli(), true, null, false, linked).rank(PersonId.of("viewer"), null,
                  topics, hits, p -> null, WhoKnowsOptions.defaults().limit(limit), EVERY_SIGNAL);
          assertThat(few).extracting(ExpertCandidate::person).isEqualTo(walked.stream()
              .limit(limit).map(ExpertCandidate::person).toList());
        }
        List<ExpertCandidate> accounts = alone.stream()
            .filter(c -> pair.contains(c.person())).toList();
        List<ExpertCandidate> together = walked.stream()
            .filter(c -> pair.contains(c.person())).toList();
        // named once at most; surely if either account is ranked alone (a candidate that scores
        // nothing alone, on evidence since taken back, may score with the other's overall ones)
        assertThat(together).hasSizeLessThanOrEqualTo(1);
        if (!accounts.isEmpty()) {
          assertThat(together).hasSize(1);
        }
        // everyone else as without the link
        assertThat(walked.stream().filter(c -> !pair.contains(c.person())).toList())
            .usingRecursiveFieldByFieldElementComparator()
            .isEqualTo(alone.stream().filter(c -> !pair.contains(c.person())).toList());
        if (together.isEmpty() || accounts.isEmpty()) {
          continue;
        }
        Map<String, Double> merged = together.get(0).signals();
        // An account that is no candidate alone (nothing in the topics or similar threads)
        // still brings its overall figures to the person: then the sums are at least the other's.
        boolean both = accounts.size() == 2;
        for (int i = 0; i < scale.length; i++) {
          String name = ExpertiseMix.SIGNALS.get(i);
          double sum = 0;
          for (ExpertCandidate c : accounts) {
            sum += Math.expm1(c.signals().get(name)) / scale[i];
          }
          double expected = Math.log1p(scale[i] * sum);
          if (both) {
            assertThat(merged.get(name)).as(name)
                .isCloseTo(expected, within(1e-9 * (1 + merged.get(name))));
          } else {
            assertThat(merged.get(name)).as(name).isGreaterThan(expected - 1e-9 * (1 + expected));
          }
        }
        for (String name : List.of("lastAnswer1h", "lastAnswer6h", "lastAnswer1d",
            "lastAnswer1w")) {
          double latest = accounts.stream().mapToDouble(c -> c.signals().get(name)).max()
              .orElseThrow();
          if (both) {
            assertThat(merged.get(name)).as(name).isEqualTo(latest);
          } else {
            assertThat(merged.get(name)).as(name).isGreaterThanOrEqualTo(latest);
          }
        }
        for (int i = 0; i < fast.size(); i++) {
          assertThat(fast.get(i).reasons()).isEqualTo(walked.get(i).reasons());
          assertThat(fast.get(i).score())
              .isCloseTo(walked.get(i).score(), within(1e-9 * (1 + walked.get(i).score())));
        }
      }
    }
  }

  /** Everyone with a score, every signal weighed, {@code persons} scored together. */
  private static List<ExpertCandidate> rankAll(ModelDriver d, List<Tag> topics,
      List<SearchHit> hits, Set<SpaceId> readable, List<List<PersonId>> persons,
      boolean shortcuts) {
    return new WhoKnows(d.model, readable::contains, d.now.toEpochMilli(), shortcuts, null,
        false, persons).rank(PersonId.of("viewer"), null, topics, hits, p -> null,
            WhoKnowsOptions.defaults().limit(50), EVERY_SIGNAL);
  }

  @Property(tries = 300)
  void theTalliesCountTheLiveEvidenceAlsoWhenReadBack(@ForAll("histories") List<int[]> steps)
      throws Exception {
    ExpertiseModel model = replay(steps).model;
    assertTalliesCount(model);
    assertBounds(model);
    assertPairs(model);
    ExpertiseModel read = ExpertiseModel.readFrom(ByteBuffer.wrap(model.contents()),
        model.settings(), UnaryOperator.identity());
    assertTalliesCount(read);
    assertBounds(read);
    assertPairs(read);
  }

  /**
   * Every person's answers by pair of tags: for each pair of tags of their answer lists, the
   * answers of the first tag's list whose thread has the other too, in that order, and no other
   * pair (a pair with no such answer has no list).
   */
  private static void assertPairs(ExpertiseModel model) {
    int pairs = 0;
    for (Map.Entry<PersonId, Map<Tag, Object>> mine : model.byPersonTopic.entrySet()) {
      for (Map.Entry<Tag, Object> a : mine.getValue().entrySet()) {
        for (Tag b : mine.getValue().keySet()) {
          if (a.getKey().equals(b)) {
            continue;
          }
          List<ExpertiseModel.AnswerInfo> expected = ExpertiseModel.asFacts(a.getValue()).stream()
              .filter(Fact::isAnswer).filter(f -> model.topicsOf(f).contains(b))
              .map(f -> model.answer(f.source)).toList();
          List<ExpertiseModel.AnswerInfo> actual = model.paired(mine.getKey(),
              model.tagIdOf(a.getKey()), model.tagIdOf(b));
          assertThat(actual).as("pair list").containsExactlyElementsOf(expected);
          pairs += expected.isEmpty() ? 0 : 1;
        }
      }
    }
    // each pair was counted from both of its tags; no other pair is held
    assertThat(model.answersByPersonPair.values().stream().mapToInt(Map::size).sum() * 2)
        .isEqualTo(pairs);
    assertThat(model.answersByPersonPair.values()).noneMatch(Map::isEmpty);
    // whether a person has answers filed is counted, not looked up
    for (PersonId person : model.personIds) {
      boolean filed = model.byPersonTopic.getOrDefault(person, Map.of()).values().stream()
          .anyMatch(held -> ExpertiseModel.asFacts(held).stream().anyMatch(Fact::isAnswer));
      assertThat(model.hasAnswers(person)).as("has answers: " + person.value()).isEqualTo(filed);
    }
  }

  /**
   * Every person's bounds of the overall sums: never below the sum over any one of their spaces
   * or over all of them, and the latest answer the latest of any space.
   */
  private static void assertBounds(ExpertiseModel model) {
    for (int i = 0; i < model.personIds.size(); i++) {
      ExpertiseModel.Acc[] accs = model.overallArrays.get(i);
      double[] all = new double[ExpertiseModel.LAST_BOUND];
      long last = Long.MIN_VALUE;
      for (ExpertiseModel.Acc a : accs == null ? new ExpertiseModel.Acc[0] : accs) {
        double[] one = {a.recent, a.fresh, a.evidence, a.flat};
        for (int k = 0; k < one.length; k++) {
          all[k] += one[k];
          assertThat(model.bounds[i * ExpertiseModel.BOUNDS + k]).isGreaterThanOrEqualTo(one[k]);
        }
        last = Math.max(last, a.lastAnswer);
      }
      for (int k = 0; k < all.length; k++) {
        assertThat(model.bounds[i * ExpertiseModel.BOUNDS + k])
            .isGreaterThanOrEqualTo(all[k] - 1e-12 * Math.abs(all[k]));
      }
      assertThat(model.bounds[i * ExpertiseModel.BOUNDS + ExpertiseModel.LAST_BOUND])
          .isEqualTo((double) last);
    }
  }

  /**
   * Every slot's count and latest time per reason kind, against a count of the live facts; and
   * no live fact later than the model's latest.
   */
  private static void assertTalliesCount(ExpertiseModel model) {
    model.byPerson.keySet().forEach(person -> model.evidenceOf(person).forEach(f ->
        assertThat(f.at).isLessThanOrEqualTo(model.latest)));
    int kinds = ExpertiseModel.REASON_KINDS.length;
    for (Map.Entry<Tag, Map<SpaceId, Column>> topic : model.byTopic.entrySet()) {
      for (Map.Entry<SpaceId, Column> space : topic.getValue().entrySet()) {
        Column c = space.getValue();
        for (int slot = 0; slot < c.size; slot++) {
          PersonId person = model.personIds.get(c.person[slot]);
          int[] counts = new int[kinds];
          long[] last = new long[kinds];
          for (Fact f : model.evidenceOf(person)) {
            int r = ExpertiseModel.REASON_OF[f.kind().ordinal()];
            if (r >= 0 && f.live && Objects.equals(f.space(), space.getKey())
                && model.topicsOf(f).contains(topic.getKey())) {
              last[r] = counts[r]++ == 0 ? f.at : Math.max(last[r], f.at);
            }
          }
          for (int r = 0; r < kinds; r++) {
            assertThat(c.count(slot * kinds + r)).as("count").isEqualTo(counts[r]);
            if (counts[r] > 0 && r < ExpertiseModel.Column.LASTS) {
              assertThat(c.last(slot * ExpertiseModel.Column.LASTS + r)).as("latest")
                  .isEqualTo(last[r]);
            }
          }
        }
      }
    }
  }

  private static List<ExpertCandidate> rank(ModelDriver d, List<Tag> topics,
      List<SearchHit> hits, Set<SpaceId> readable, ExpertiseMix mix, boolean shortcuts) {
    // with every signal weighed, only the best: a bound below a score would rank someone else
    WhoKnowsOptions options = WhoKnowsOptions.defaults()
        .limit(mix == EVERY_SIGNAL ? 1 : 3 + topics.size());
    return new WhoKnows(d.model, readable::contains, d.now.toEpochMilli(), shortcuts)
        .rank(PersonId.of("viewer"), null, topics, hits, p -> null, options, mix);
  }
}
