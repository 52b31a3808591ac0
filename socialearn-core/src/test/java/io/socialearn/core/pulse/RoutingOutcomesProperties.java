package io.socialearn.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.SocialearnException;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.DeletePost;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.pulse.PulsePeriod;
import io.socialearn.api.pulse.PulseReport;
import io.socialearn.api.pulse.PulseScope;
import io.socialearn.api.pulse.RoutingOutcomes;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.RoutingPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The pulse's routing outcomes equal a recount from what the test itself did (who asked and
 * answered what when, which answer was accepted or deleted) and the engine's public record of who
 * each question was routed to, over random histories from 29 January 2026 on.
 */
class RoutingOutcomesProperties {
  private static final List<String> PEOPLE = List.of("ana", "bo", "cy", "dee", "eve", "fay");
  private static final Instant START = Instant.parse("2026-01-29T00:00:00Z");

  enum Op { ASK, ANSWER, ACCEPT, DELETE }

  record Step(Op op, int actor, int pick, int minutes) {}

  /** An answer as the test posted it. */
  record Answer(PostId id, String author, Instant at) {}

  /** A question as the test asked it. */
  static final class Question {
    final ThreadId id;
    final String asker;
    final Instant at;
    final List<Answer> answers = new ArrayList<>();
    Answer accepted;
    Instant acceptedAt;

    Question(ThreadId id, String asker, Instant at) {
      this.id = id;
      this.asker = asker;
      this.at = at;
    }
  }

  @Provide
  Arbitrary<List<Step>> histories() {
    Arbitrary<Step> step = Combinators.combine(
        Arbitraries.of(Op.ASK, Op.ANSWER, Op.ANSWER, Op.ANSWER, Op.ACCEPT, Op.DELETE),
        Arbitraries.integers().between(0, PEOPLE.size() - 1),
        Arbitraries.integers().between(0, 1_000),
        Arbitraries.integers().between(0, 18 * 60)).as(Step::new);
    return step.list().ofMinSize(5).ofMaxSize(60);
  }

  @Property(tries = 60)
  void outcomesEqualARecountFromWhatHappened(@ForAll("histories") List<Step> steps) {
    try (World world = new World(new PulsePrivacy(1, true), null, RoutingPolicy.suggest(2, 3))) {
      for (String p : PEOPLE) {
        world.person(p, "");
      }
      List<Question> questions = new ArrayList<>();
      // Evidence from before both periods, so that there is someone to route to from the start.
      for (int t = 0; t < 3; t++) {
        String at = "2026-01-02T0" + t + ":00:00Z";
        Question seed = new Question(world.ask(at, "ana", "Seed " + t, "tag" + t), "ana",
            Instant.parse(at));
        seed.answers.add(new Answer(world.answer(at, PEOPLE.get(1 + t), seed.id),
            PEOPLE.get(1 + t), Instant.parse(at)));
        questions.add(seed);
      }
      Set<PostId> deleted = new HashSet<>();
      int refused = 0;
      Instant now = START;
      for (Step s : steps) {
        // Six hours to a day apart: histories of 5 to 60 steps end in January to March.
        now = now.plus(Duration.ofMinutes(6 * 60 + s.minutes()));
        String actor = PEOPLE.get(s.actor());
        Question q = questions.isEmpty() ? null : questions.get(s.pick() % questions.size());
        try {
          switch (s.op()) {
            case ASK -> questions.add(new Question(world.ask(now.toString(), actor,
                "Question " + questions.size(), "tag" + s.pick() % 3), actor, now));
            case ANSWER -> {
              if (q != null && !actor.equals(q.asker)) {
                q.answers.add(new Answer(world.answer(now.toString(), actor, q.id), actor, now));
              }
            }
            case ACCEPT -> {
              if (q != null && !q.answers.isEmpty()) {
                Answer a = q.answers.get(s.pick() % q.answers.size());
                world.accept(now.toString(), q.asker, a.id());
                q.accepted = a;
                q.acceptedAt = now;
              }
            }
            case DELETE -> {
              if (q != null && !q.answers.isEmpty()) {
                Answer a = q.answers.get(s.pick() % q.answers.size());
                world.at(now.toString()).engine.execute(Viewer.system(),
                    new DeletePost(a.id(), "test"));
                deleted.add(a.id());
              }
            }
          }
        } catch (SocialearnException e) {
          // Refused commands (accepting a deleted answer, deleting twice) change nothing.
          refused++;
        }
      }
      Map<ThreadId, List<PersonId>> routedTo = new LinkedHashMap<>();
      for (Question q : questions) {
        routedTo.put(q.id, world.engine.routedTo(World.ADMIN, q.id));
      }
      PulseReport report = world.engine.pulse(World.ADMIN, PulseScope.organisation(),
          PulseFiguresTest.FEBRUARY);
      PulsePeriod previous = PulseFiguresTest.FEBRUARY.previous();
      RoutingOutcomes current = recount(questions, deleted, routedTo, PulseFiguresTest.FEBRUARY);
      Statistics.label("routing").collect(current.routed() > 0 ? "routed in February"
          : "none routed");
      Statistics.label("refusals").collect(refused > 0 ? "some refused" : "none refused");
      assertThat(report.current().routing()).isEqualTo(current);
      assertThat(report.previous().routing()).isEqualTo(recount(questions, deleted, routedTo,
          previous));
    }
    Statistics.label("routing").coverage(checker -> checker.check("routed in February")
        .percentage(p -> p > 30));
  }

  /** The outcomes of {@code period}, counted from the test's own record. */
  private static RoutingOutcomes recount(List<Question> questions, Set<PostId> deleted,
      Map<ThreadId, List<PersonId>> routedTo, PulsePeriod period) {
    Instant end = period.to();
    int routed = 0;
    int answered = 0;
    int byAsked = 0;
    int acceptedFromAsked = 0;
    int asks = 0;
    int asksAnswered = 0;
    Set<PersonId> people = new HashSet<>();
    List<Double> minutes = new ArrayList<>();
    for (Question q : questions) {
      List<PersonId> asked = routedTo.get(q.id);
      if (q.at.isBefore(period.from()) || !q.at.isBefore(end) || asked.isEmpty()) {
        continue;
      }
      routed++;
      asks += asked.size();
      people.addAll(asked);
      List<Answer> live = q.answers.stream()
          .filter(a -> !deleted.contains(a.id()) && a.at().isBefore(end)).toList();
      answered += live.isEmpty() ? 0 : 1;
      Instant first = null;
      for (PersonId person : asked) {
        List<Answer> theirs = live.stream()
            .filter(a -> a.author().equals(person.value())).toList();
        if (!theirs.isEmpty()) {
          asksAnswered++;
          Instant earliest = theirs.get(0).at();
          first = first == null || earliest.isBefore(first) ? earliest : first;
        }
      }
      if (first != null) {
        byAsked++;
        minutes.add(Duration.between(q.at, first).toMillis() / 60_000.0);
      }
      if (q.accepted != null && !deleted.contains(q.accepted.id())
          && q.acceptedAt.isBefore(end)
          && asked.contains(PersonId.of(q.accepted.author()))) {
        acceptedFromAsked++;
      }
    }
    double[] sorted = minutes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new RoutingOutcomes(routed, answered, share(answered, routed), byAsked,
        share(byAsked, routed), acceptedFromAsked, share(acceptedFromAsked, routed),
        sorted.length == 0 ? null : sorted.length % 2 == 1 ? sorted[sorted.length / 2]
            : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2,
        sorted.length == 0 ? null : sorted[(int) Math.ceil(0.9 * sorted.length) - 1],
        asks, people.size(), asksAnswered, share(asksAnswered, asks));
  }

  private static Double share(int part, int whole) {
    return whole == 0 ? null : (double) part / whole;
  }
}
