package io.socialearn.core.expertise;

import static io.socialearn.core.expertise.ModelDriver.OPEN;
import static io.socialearn.core.expertise.ModelDriver.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialearn.api.expertise.Evidence;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.ExpertiseEntry;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the expertise projection over random histories. */
class ExpertiseProperties {
  private static final String[] PEOPLE = {"ana", "bo", "cy", "dee"};
  private static final String[] TOPICS = {"payroll", "tax", "excel"};

  /** One step of a history: {@code {kind, a, b, c}}. */
  @Provide
  Arbitrary<List<int[]>> histories() {
    return Arbitraries.integers().between(0, 999).array(int[].class).ofSize(4).list()
        .ofMinSize(1).ofMaxSize(60);
  }

  /** A thread's space, asker and answers, as a replay keeps them. */
  private record Asked(ThreadId id, SpaceId space, String asker, List<PostId> answers,
      List<String> authors) {}

  /**
   * Replays a history, skipping every step in a space {@code skip} names (questions there and
   * everything on them) so that the same history can be replayed without a space.
   */
  private static ModelDriver replay(List<int[]> steps, SpaceId skip) {
    ModelDriver d = new ModelDriver();
    List<Asked> asked = new ArrayList<>();
    for (int[] s : steps) {
      switch (s[0] % 6) {
        case 0 -> {
          SpaceId space = s[1] % 3 == 0 ? SECRET : OPEN;
          String asker = PEOPLE[s[2] % PEOPLE.length];
          if (space.equals(skip)) {
            d.skipId();
            asked.add(new Asked(null, space, asker, new ArrayList<>(), new ArrayList<>()));
          } else {
            ThreadId t = d.question(space, asker, TOPICS[s[3] % 3], TOPICS[(s[3] / 3) % 3]);
            asked.add(new Asked(t, space, asker, new ArrayList<>(), new ArrayList<>()));
          }
        }
        case 1, 2 -> {
          if (!asked.isEmpty()) {
            Asked q = asked.get(s[1] % asked.size());
            String author = PEOPLE[s[2] % PEOPLE.length];
            q.authors().add(author);
            if (q.id() == null) {
              d.skipId();
            }
            q.answers().add(q.id() == null ? null : d.answer(q.id(), author));
          }
        }
        case 3 -> {
          Asked q = pickAnswered(asked, s[1]);
          if (q != null && q.id() != null) {
            int i = s[2] % q.answers().size();
            d.upvote(q.id(), q.answers().get(i), "voter" + (s[3] % 5), q.authors().get(i));
          }
        }
        case 4 -> {
          Asked q = pickAnswered(asked, s[1]);
          if (q != null && q.id() != null) {
            int i = s[2] % q.answers().size();
            d.accept(q.id(), q.answers().get(i), q.asker(), q.authors().get(i));
          }
        }
        default -> {
          if (s[1] % 4 == 0) {
            d.endorse(PEOPLE[s[2] % PEOPLE.length], PEOPLE[s[3] % PEOPLE.length],
                TOPICS[s[3] % 3]);
          } else {
            d.advance(Duration.ofHours(1 + s[2] * 5L));
          }
        }
      }
      // time moves the same way whichever spaces are replayed
      d.advance(Duration.ofMinutes(1 + s[3] % 7));
    }
    return d;
  }

  private static Asked pickAnswered(List<Asked> asked, int pick) {
    List<Asked> answered = asked.stream().filter(a -> !a.answers().isEmpty()).toList();
    return answered.isEmpty() ? null : answered.get(pick % answered.size());
  }

  @Property(tries = 200)
  void explanationsSumToTheScoreAndMatchTheRanking(@ForAll("histories") List<int[]> steps) {
    ModelDriver d = replay(steps, null);
    for (String person : PEOPLE) {
      for (String topic : TOPICS) {
        ExpertiseEntry e = d.explain(person, topic);
        double sum = 0;
        for (Evidence ev : e.evidence()) {
          sum += ev.weight();
        }
        assertThat(e.score()).isEqualTo(sum);
        // the ranking's kept sums agree with the evidence listed
        for (ExpertCandidate c : d.whoKnows(Set.of(OPEN, SECRET), WhoKnowsOptions.defaults()
            .limit(200).excludeViewer(false), topic)) {
          if (c.person().value().equals(person)) {
            assertThat(Math.expm1(c.signals().get("topic"))).isCloseTo(e.score(),
                within(1e-9 * (1 + e.score())));
          }
        }
      }
    }
  }

  @Property(tries = 200)
  void anAcceptedAnswerNeverLowersTheAuthorsScoreInItsTopic(
      @ForAll("histories") List<int[]> steps) {
    ModelDriver d = replay(steps, null);
    for (String topic : TOPICS) {
      for (String person : PEOPLE) {
        double before = d.score(person, topic);
        ThreadId t = d.question(OPEN, "asker", topic);
        PostId p = d.answer(t, person);
        d.accept(t, p, "asker", person);
        assertThat(d.score(person, topic)).isGreaterThanOrEqualTo(before);
      }
    }
  }

  @Property(tries = 200)
  void whatAViewerIsShownNeverDependsOnSpacesTheyCannotSee(
      @ForAll("histories") List<int[]> steps) {
    ModelDriver with = replay(steps, null);
    ModelDriver without = replay(steps, SECRET);
    assertThat(with.now).isEqualTo(without.now);
    Set<SpaceId> outsider = Set.of(OPEN);
    for (String topic : TOPICS) {
      for (String person : PEOPLE) {
        ExpertiseEntry a = with.explain(person, topic, outsider);
        ExpertiseEntry b = without.explain(person, topic, outsider);
        assertThat(a.evidence()).isEqualTo(b.evidence());
        assertThat(a.score()).isEqualTo(b.score());
      }
      WhoKnowsOptions options = WhoKnowsOptions.defaults().limit(200);
      assertThat(scores(with.whoKnows(outsider, options, topic)))
          .containsOnlyKeys(scores(without.whoKnows(outsider, options, topic)).keySet());
      Map<String, Double> expected = scores(without.whoKnows(outsider, options, topic));
      scores(with.whoKnows(outsider, options, topic)).forEach((person, score) ->
          assertThat(score).isCloseTo(expected.get(person), within(1e-9 * (1 + score))));
    }
  }

  private static Map<String, Double> scores(List<ExpertCandidate> ranked) {
    Map<String, Double> out = new HashMap<>();
    ranked.forEach(c -> out.put(c.person().value(), c.score()));
    return out;
  }
}
