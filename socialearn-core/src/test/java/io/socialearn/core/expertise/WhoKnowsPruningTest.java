package io.socialearn.core.expertise;

import static io.socialearn.core.expertise.ModelDriver.OPEN;
import static io.socialearn.core.expertise.ModelDriver.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.ExpertiseMix;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts of "who knows" (the threshold walk for recent answers in several topics, the
 * answers in several of the topics found by pairs of tags, the active pool walked from the most
 * active down) give the ranking that scoring everyone would.
 */
class WhoKnowsPruningTest {
  private final ModelDriver d = new ModelDriver();

  @Test
  void aShortListIsTheHeadOfTheLongOneWhateverTheLimit() {
    Random random = new Random(7);
    String[] tags = {"a", "b", "c", "d"};
    for (int q = 0; q < 300; q++) {
      List<String> mine = new ArrayList<>();
      for (String t : tags) {
        if (random.nextInt(3) == 0) {
          mine.add(t);
        }
      }
      if (mine.isEmpty()) {
        mine.add(tags[random.nextInt(tags.length)]);
      }
      ThreadId t = d.question(random.nextInt(4) == 0 ? SECRET : OPEN, "asker" + random.nextInt(5),
          mine.toArray(new String[0]));
      PostId p = d.answer(t, "p" + random.nextInt(40));
      if (random.nextBoolean()) {
        d.answer(t, "p" + random.nextInt(40));
      }
      if (random.nextInt(3) == 0) {
        d.upvote(t, p, "voter" + random.nextInt(9), "x");
      }
      d.advance(Duration.ofHours(random.nextInt(72)));
    }
    for (String[] query : List.of(new String[] {"a", "b"}, new String[] {"a", "b", "c"},
        new String[] {"d", "a", "c", "b"})) {
      for (Set<io.socialearn.api.space.SpaceId> readable : List.of(Set.of(OPEN),
          Set.of(OPEN, SECRET))) {
        List<ExpertCandidate> all = d.whoKnows(readable, WhoKnowsOptions.defaults().limit(200),
            query);
        assertThat(all.size()).isGreaterThan(20);
        for (int limit : new int[] {1, 2, 3, 5, 10}) {
          assertThat(d.whoKnows(readable, WhoKnowsOptions.defaults().limit(limit), query))
              .as("limit %d of %s", limit, String.join(",", query))
              .isEqualTo(all.subList(0, limit));
        }
      }
    }
  }

  @Test
  void theActivePoolIsTheMostActiveInTheSpacesTheViewerReads() {
    // 130 people answer in OPEN, person i i+1 times; the 20 busiest of all answer in SECRET only.
    for (int i = 0; i < 130; i++) {
      ThreadId t = d.question(OPEN, "asker", "misc");
      for (int n = 0; n <= i; n++) {
        d.answer(t, "open" + i);
      }
    }
    for (int i = 0; i < 20; i++) {
      ThreadId t = d.question(SECRET, "asker", "misc");
      for (int n = 0; n < 500; n++) {
        d.answer(t, "secret" + i);
      }
    }
    // No one knows "payroll": the candidates are the active pool alone.
    List<ExpertCandidate> found = d.whoKnows(Set.of(OPEN),
        WhoKnowsOptions.defaults().limit(200), "payroll");
    List<String> expected = new ArrayList<>();
    for (int i = 129; i >= 30; i--) {
      expected.add("open" + i);
    }
    assertThat(found).extracting(c -> c.person().value())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(found.get(0).person().value()).isEqualTo("open129");
    // Who reads both spaces gets the secret answerers first.
    assertThat(d.whoKnows(Set.of(OPEN, SECRET), WhoKnowsOptions.defaults().limit(20), "payroll"))
        .extracting(c -> c.person().value()).allMatch(p -> p.startsWith("secret"));
  }

  /**
   * Routing a question in a members-only space asks only people who can read it: when more
   * people know the topic than the topic pool keeps, the pool is cut among those people, so
   * members whose evidence is below everyone else's are still found.
   */
  @Test
  void theTopicPoolIsCutAmongThoseWhoMayBeAskedOnly() {
    int people = manyAnswerPayroll();
    // Ten members with one early answer each: among the weakest, below the pool's bar.
    Set<PersonId> members = new java.util.HashSet<>();
    for (int i = 0; i < 30; i += 3) {
      members.add(PersonId.of("p" + i));
    }
    double bar = poolBar(people);
    assertThat(members).allMatch(m -> d.explain(m.value(), "payroll").score() < -bar);
    // A mix that ranks by the evidence in the topic, so that the pool is cut by it.
    ExpertiseMix topicOnly = new ExpertiseMix(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    List<ExpertCandidate> found = d.model.whoKnows(PersonId.of("viewer"), null,
        List.of(Tag.of("payroll")), List.of(), Set.of(OPEN)::contains, p -> null,
        WhoKnowsOptions.defaults().limit(10).mix(topicOnly), d.now, members::contains, true);
    assertThat(found).extracting(ExpertCandidate::person)
        .containsExactlyInAnyOrderElementsOf(members);
    // each with their own evidence, moved with them when the others were left out
    for (ExpertCandidate c : found) {
      double topic = d.explain(c.person().value(), "payroll").score();
      assertThat(Math.expm1(c.signals().get("topic"))).as(c.person().value())
          .isCloseTo(topic, within(1e-9 * (1 + topic)));
    }
  }

  /**
   * More people who answered in payroll than the topic pool keeps: p0, p1, ... with one, two or
   * three answers each (by their number), an hour passing every seventh; returns how many.
   */
  private int manyAnswerPayroll() {
    int people = WhoKnows.TOPIC_POOL + 1_500;
    ThreadId t = d.question(OPEN, "asker", "payroll");
    for (int i = 0; i < people; i++) {
      for (int n = 0; n <= i % 3; n++) {
        d.answer(t, "p" + i);
      }
      if (i % 7 == 0) {
        d.advance(Duration.ofHours(1));
      }
    }
    return people;
  }

  /** Minus the evidence in payroll of the pool's last one: the TOPIC_POOL-th best of everyone's. */
  private double poolBar(int people) {
    return java.util.stream.IntStream.range(0, people)
        .mapToDouble(i -> -d.explain("p" + i, "payroll").score()).sorted()
        .skip(WhoKnows.TOPIC_POOL - 1).findFirst().orElseThrow();
  }

  @Test
  void aTrimmedTopicPoolKeepsEachCandidatesOwnSignals() {
    // More people in the topic than the pool keeps: the trim moves the kept ones' signals, and
    // those it leaves out who answered the similar thread join with their topic signals still
    int people = manyAnswerPayroll();
    ThreadId similar = d.question(OPEN, "asker", "tax");
    for (int i = 0; i < 40; i++) {
      d.answer(similar, "p" + (i * 131) % people);
    }
    // Under this mix the pool keeps the best by evidence in payroll alone: the bar is the
    // TOPIC_POOL-th best of everyone's
    ExpertiseMix documentsFirst = new ExpertiseMix(0.1, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0);
    double bar = poolBar(people);
    for (WhoKnowsOptions options : List.of(WhoKnowsOptions.defaults().limit(60),
        WhoKnowsOptions.defaults().limit(60).mix(documentsFirst))) {
      List<ExpertCandidate> found = d.model.whoKnows(PersonId.of("viewer"), null,
          List.of(Tag.of("payroll")), List.of(new SearchHit(similar, OPEN, "t", 1, "")),
          Set.of(OPEN)::contains, p -> null, options, d.now);
      assertThat(found).hasSize(60);
      int leftOut = 0;
      for (ExpertCandidate c : found) {
        double topic = d.explain(c.person().value(), "payroll").score();
        assertThat(Math.expm1(c.signals().get("topic"))).as(c.person().value())
            .isCloseTo(topic, within(1e-9 * (1 + topic)));
        int index = Integer.parseInt(c.person().value().substring(1));
        leftOut += topic < -bar ? 1 : 0;
        boolean answeredSimilar = false;
        for (int i = 0; i < 40; i++) {
          answeredSimilar |= (i * 131) % people == index;
        }
        assertThat(c.signals().get("documents") > 0).isEqualTo(answeredSimilar);
      }
      if (options.mix() == documentsFirst) {
        // the similar thread's 40 answerers first, some of whom the pool left out
        assertThat(leftOut).isPositive();
      }
    }
  }

  @Test
  void anAnswerInSeveralOfTheTopicsCountsOnceFromThePairLists() {
    ThreadId all = d.question(OPEN, "asker", "a", "b", "c");
    d.answer(all, "x");
    d.upvote(all, d.answer(d.question(OPEN, "asker", "a", "b"), "x"), "v", "x");
    d.answer(d.question(OPEN, "asker", "b", "c", "z"), "x");
    d.answer(d.question(OPEN, "asker", "a"), "x");
    d.answer(d.question(SECRET, "asker", "c", "a", "b"), "x");
    ThreadId moved = d.question(OPEN, "asker", "a", "c");
    d.answer(moved, "x");
    d.retag(moved, "c", "d");
    ThreadId gone = d.question(OPEN, "asker", "a", "b");
    d.delete(gone, d.answer(gone, "x"));
    d.advance(Duration.ofHours(2));
    for (Set<io.socialearn.api.space.SpaceId> readable : List.of(Set.of(OPEN),
        Set.of(OPEN, SECRET))) {
      int answers = readable.contains(SECRET) ? 6 : 5;
      for (String[] query : List.of(new String[] {"a", "b", "c"}, new String[] {"c", "b", "a"},
          new String[] {"b", "d", "a", "c"})) {
        ExpertCandidate fast = d.whoKnows(readable, WhoKnowsOptions.defaults(), query).get(0);
        ExpertCandidate walked = new WhoKnows(d.model, readable::contains,
            d.now.toEpochMilli(), false).rank(PersonId.of("viewer"), null,
            List.of(query).stream().map(Tag::of).toList(), List.of(), p -> null,
            WhoKnowsOptions.defaults(), d.model.settings().mix()).get(0);
        assertThat(fast.person().value()).isEqualTo("x");
        assertThat(fast.reasons()).isEqualTo(walked.reasons());
        assertThat(fast.reasons().get(0))
            .startsWith(answers + " answers in " + String.join(", ", query));
        assertThat(fast.reasons()).anyMatch(r -> r.startsWith("1 up vote on answers"));
        assertThat(fast.signals().get("topicRecent"))
            .isCloseTo(walked.signals().get("topicRecent"), within(1e-12));
      }
    }
  }
}
