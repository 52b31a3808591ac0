package io.socialearn.core;

import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static io.socialearn.core.Fixture.CY;
import static io.socialearn.core.Fixture.DEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.expertise.EvidenceKind;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.ExpertiseMix;
import io.socialearn.api.expertise.KnownAnswer;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.expertise.WhoKnowsQuery;
import io.socialearn.api.mentoring.Learner;
import io.socialearn.api.mentoring.Mentor;
import io.socialearn.api.mentoring.MentoringConstraints;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.pulse.PulsePeriod;
import io.socialearn.api.pulse.PulseScope;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.spi.IdGenerator;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.expertise.ExpertiseSettings;
import io.socialearn.core.log.InMemoryEventLog;
import io.socialearn.core.reputation.TrustPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the expertise, pulse and mentoring API does with input a host may get wrong: a typed
 * error naming it, never an exception of the JDK's, and never a result built on it.
 */
class ApiContractTest {

  /** A topic named twice is one topic: its evidence counts once. */
  @Test
  void repeatedTopicsCountOnce() {
    try (Fixture f = new Fixture()) {
      ThreadId t = f.engine.execute(ANA, StartThread.question(f.open, "Payroll dates",
          "When is payroll run?", "payroll"));
      PostId a = f.engine.execute(DEE, new PostAnswer(t, "On the 25th."));
      f.engine.execute(ANA, new AcceptAnswer(a));
      f.clock.advance(Duration.ofDays(1));
      assertThat(WhoKnowsQuery.topics(Tag.of("payroll"), Tag.of("tax"), Tag.of("payroll"))
          .topics()).containsExactly(Tag.of("payroll"), Tag.of("tax"));
      ExpertCandidate once = f.engine.whoKnows(BO,
          WhoKnowsQuery.topics(Tag.of("payroll"))).get(0);
      ExpertCandidate twice = f.engine.whoKnows(BO,
          WhoKnowsQuery.topics(Tag.of("payroll"), Tag.of("payroll"))).get(0);
      assertThat(twice).isEqualTo(once);
    }
  }

  /**
   * A period whose previous one would start before the year 0 is compared with the part of it
   * from the year 0 on; one that starts with the year 0 has none, which the error says.
   */
  @Test
  void pulseOverAPeriodFromLongAgoComparesWithWhatLiesBeforeIt() {
    PulsePeriod period = PulsePeriod.of(Instant.parse("1000-01-01T00:00:00Z"),
        Instant.parse("2026-01-05T00:00:00Z"));
    assertThat(period.previous()).isEqualTo(PulsePeriod.of(
        Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("1000-01-01T00:00:00Z")));
    PulsePeriod fromZero = PulsePeriod.of(Instant.parse("0000-01-01T00:00:00Z"),
        Instant.parse("2026-01-05T00:00:00Z"));
    try (Fixture f = new Fixture()) {
      assertThat(f.engine.pulse(ANA, PulseScope.organisation(), period).previousPeriod())
          .isEqualTo(period.previous());
      assertThatThrownBy(() -> f.engine.pulse(ANA, PulseScope.organisation(), fromZero))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("starts with the year 0: no period lies before it");
    }
  }

  @Test
  void votesBeforeOutsideTheYearsZeroTo9999IsTyped() {
    assertThatThrownBy(() -> WhoKnowsOptions.defaults().votesBefore(Instant.MAX))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("votesBefore must lie between 0000-01-01T00:00:00Z and");
    assertThat(WhoKnowsOptions.defaults().votesBefore(Instant.parse("9999-01-01T00:00:00Z"))
        .votesBefore()).isEqualTo(Instant.parse("9999-01-01T00:00:00Z"));
  }

  @Test
  void halfLivesAndWeightsBeyondWhatTheModelHoldsAreRefusedUpFront() {
    ExpertiseSettings defaults = ExpertiseSettings.defaults();
    assertThatThrownBy(() -> defaults.withHalfLife(Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("halfLife must be at most 365000 days");
    assertThatThrownBy(() -> defaults.withWeight(EvidenceKind.ENDORSEMENT, 1e7))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the weight of ENDORSEMENT must be at most");
    ExpertiseSettings longest = defaults.withHalfLife(ExpertiseSettings.MAX_HALF_LIFE)
        .withWeight(EvidenceKind.ANSWER, ExpertiseSettings.MAX_WEIGHT);
    SocialLearningEngine.builder().idGenerator(IdGenerator.sequential())
        .eventLog(InMemoryEventLog.create()).trustPolicy(TrustPolicy.rolesOnly())
        .expertise(longest).build().close();
  }

  /** The largest weights a mix holds give finite scores; larger ones are refused. */
  @Test
  void mixWeightsAreBoundedSoScoresStayFinite() {
    try (Fixture f = new Fixture()) {
      ThreadId t = f.engine.execute(ANA, StartThread.question(f.open, "Payroll dates",
          "When is payroll run?", "payroll"));
      f.engine.execute(DEE, new PostAnswer(t, "On the 25th."));
      f.engine.execute(CY, new PostAnswer(t, "On the 25th, usually."));
      double[] w = new double[ExpertiseMix.SIGNALS.size()];
      Arrays.fill(w, ExpertiseMix.MAX_WEIGHT);
      List<ExpertCandidate> r = f.engine.whoKnows(BO, WhoKnowsQuery.topics(Tag.of("payroll"))
          .with(WhoKnowsOptions.defaults().mix(ExpertiseMix.of(w))));
      assertThat(r).hasSize(3).allSatisfy(c -> assertThat(c.score()).isFinite());
      w[3] = Double.MAX_VALUE;
      assertThatThrownBy(() -> ExpertiseMix.of(w)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("fresh weight must be at most");
    }
  }

  /** A known answer's signals are bounded, so that fitting a mix to them cannot overflow. */
  @Test
  void knownAnswersRefuseSignalsTheLearnerCannotFit() {
    assertThatThrownBy(() -> new KnownAnswer(List.of(cand("a", 1e200), cand("b", 0)),
        PersonId.of("a"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("candidate 0 (a) has no topic signal between");
    KnownAnswer fine = new KnownAnswer(List.of(cand("a", KnownAnswer.MAX_SIGNAL), cand("b", 0)),
        PersonId.of("a"));
    ExpertiseMix learned = ExpertiseMixLearner.learn(List.of(fine));
    assertThat(learned).isNotEqualTo(ExpertiseMix.defaults());
    assertThat(Arrays.stream(learned.weights()).boxed().toList()).allSatisfy(v ->
        assertThat(v).isFinite().isBetween(0.0, ExpertiseMix.MAX_WEIGHT));
  }

  private static ExpertCandidate cand(String id, double v) {
    Map<String, Double> s = new LinkedHashMap<>();
    ExpertiseMix.SIGNALS.forEach(n -> s.put(n, v));
    return new ExpertCandidate(PersonId.of(id), 0, List.of(), s);
  }

  @Test
  void whoKnowsQueryNullTopicIsTyped() {
    List<Tag> topics = new ArrayList<>();
    topics.add(null);
    assertThatThrownBy(() -> new WhoKnowsQuery("payroll", topics, WhoKnowsOptions.defaults()))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void whoKnowsOptionsNullExcludeIsTyped() {
    Set<PersonId> ex = new HashSet<>();
    ex.add(null);
    assertThatThrownBy(() -> WhoKnowsOptions.defaults().exclude(ex))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void mixOfNullIsTyped() {
    assertThatThrownBy(() -> ExpertiseMix.of(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void matchMentorsNullElementIsTyped() {
    try (Fixture f = new Fixture()) {
      List<Learner> ls = new ArrayList<>();
      ls.add(null);
      assertThatThrownBy(() -> f.engine.matchMentors(ANA, ls,
          List.of(Mentor.inferred(PersonId.of("dee"), 1)), MentoringConstraints.defaults()))
          .isInstanceOf(InvalidInputException.class);
    }
  }

  @Test
  void comparePilotsNullElementIsTyped() {
    try (Fixture f = new Fixture()) {
      List<SpaceId> ss = new ArrayList<>();
      ss.add(null);
      assertThatThrownBy(() -> f.engine.comparePilots(ANA, ss, PulsePeriod.allTime()))
          .isInstanceOf(InvalidInputException.class);
    }
  }

  @Test
  void profileNullSkillIsTyped() {
    List<Tag> skills = new ArrayList<>();
    skills.add(null);
    assertThatThrownBy(() -> PersonProfile.builder(PersonId.of("x")).displayName("X")
        .skills(skills).build()).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void profileBuilderNullIdIsTyped() {
    assertThatThrownBy(() -> PersonProfile.builder(null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void pulsePeriodEndingHugeLengthIsTyped() {
    assertThatThrownBy(() -> PulsePeriod.ending(Instant.parse("2026-01-01T00:00:00Z"),
        Duration.ofSeconds(Long.MAX_VALUE))).isInstanceOf(InvalidInputException.class);
  }
}
