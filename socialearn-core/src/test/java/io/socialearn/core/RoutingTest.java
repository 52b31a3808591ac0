package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.ConfigureSpace;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.command.UpdateProfile;
import io.socialearn.api.event.QuestionRouted;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.ExpertiseMix;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.expertise.WhoKnowsQuery;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.people.PersonStatus;
import io.socialearn.api.space.SpaceFeatures;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.reputation.TrustPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTest {
  private static final Viewer ANA = Viewer.of("ana");
  private static final Viewer BO = Viewer.of("bo");
  private static final Viewer CY = Viewer.of("cy");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
  private final List<RecordedEvent> heard = new ArrayList<>();

  private SocialLearningEngine engine(RoutingPolicy routing) {
    SocialLearningEngine engine = SocialLearningEngine.builder().clock(clock)
        .routing(routing).trustPolicy(TrustPolicy.rolesOnly())
        .writeRateLimit(WriteRateLimit.unlimited()).listener(heard::addAll).build();
    for (String id : List.of("ana", "bo", "cy", "dee")) {
      engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(PersonId.of(id))
          .displayName(id).build()));
    }
    return engine;
  }

  /** Bo has answered payroll questions well; Cy knows nothing of payroll. */
  private SpaceId history(SocialLearningEngine engine) {
    SpaceId space = engine.execute(Viewer.system(), CreateSpace.community("Money"));
    for (int i = 0; i < 3; i++) {
      ThreadId q = engine.execute(Viewer.of("dee"), StartThread.question(space,
          "Payroll question number " + i, "How does the payroll run work?", "payroll"));
      PostId a = engine.execute(BO, new PostAnswer(q, "The payroll run works like this."));
      engine.execute(Viewer.of("dee"), new AcceptAnswer(a));
    }
    clock.advance(Duration.ofDays(1));
    heard.clear();
    return space;
  }

  private List<QuestionRouted> routings() {
    return heard.stream().map(RecordedEvent::event).filter(QuestionRouted.class::isInstance)
        .map(QuestionRouted.class::cast).toList();
  }

  @Test
  void aNewQuestionIsRoutedToWhoKnowsAndTheRecordIsKept() {
    try (SocialLearningEngine engine = engine(RoutingPolicy.suggest(1, 2))) {
      SpaceId space = history(engine);
      ThreadId q = engine.execute(ANA, StartThread.question(space, "When is the payroll run?",
          "I need the payroll date.", "payroll"));
      assertThat(routings()).singleElement().satisfies(r -> {
        assertThat(r.thread()).isEqualTo(q);
        assertThat(r.people()).containsExactly(BO.person());
      });
      assertThat(engine.routedTo(CY, q)).containsExactly(BO.person());
      assertThat(engine.suggestAnswerers(ANA, q, 5)).extracting(ExpertCandidate::person)
          .contains(BO.person()).doesNotContain(ANA.person());
    }
  }

  @Test
  void nobodyIsAskedMoreOftenADayThanTheCap() {
    try (SocialLearningEngine engine = engine(RoutingPolicy.suggest(1, 2))) {
      SpaceId space = history(engine);
      List<ThreadId> asked = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        asked.add(engine.execute(ANA, StartThread.question(space, "Payroll date question " + i,
            "When is the payroll run?", "payroll")));
      }
      assertThat(engine.routedTo(ANA, asked.get(0))).containsExactly(BO.person());
      assertThat(engine.routedTo(ANA, asked.get(1))).containsExactly(BO.person());
      assertThat(engine.routedTo(ANA, asked.get(2))).doesNotContain(BO.person());
      assertThat(engine.suggestAnswerers(ANA, asked.get(2), 5)).extracting(ExpertCandidate::person)
          .doesNotContain(BO.person());

      clock.advance(Duration.ofDays(1));
      ThreadId nextDay = engine.execute(ANA, StartThread.question(space, "Payroll date again",
          "When is the payroll run?", "payroll"));
      assertThat(engine.routedTo(ANA, nextDay)).containsExactly(BO.person());
    }
  }

  @Test
  void someoneAwayIsNotAskedUntilBackButWhoKnowsStillNamesThemAndSaysSo() {
    try (SocialLearningEngine engine = engine(RoutingPolicy.suggest(1, 5))) {
      SpaceId space = history(engine);
      PersonProfile bo = engine.person(Viewer.system(), BO.person());
      engine.execute(Viewer.system(), new UpdateProfile(bo.toBuilder()
          .status(PersonStatus.AWAY, null).build()));
      ThreadId whileAway = engine.execute(ANA, StartThread.question(space,
          "When is the payroll run?", "I need the payroll date.", "payroll"));
      assertThat(engine.routedTo(ANA, whileAway)).doesNotContain(BO.person());
      assertThat(engine.suggestAnswerers(ANA, whileAway, 5)).extracting(ExpertCandidate::person)
          .doesNotContain(BO.person());
      ExpertCandidate named = engine.whoKnows(ANA, WhoKnowsQuery.topics(Tag.of("payroll")))
          .get(0);
      assertThat(named.person()).isEqualTo(BO.person());
      assertThat(named.reasons()).last().isEqualTo("away for now");
      assertThat(engine.whoKnows(ANA, WhoKnowsQuery.topics(Tag.of("payroll"))
          .with(WhoKnowsOptions.defaults().availableOnly(true))))
          .extracting(ExpertCandidate::person).doesNotContain(BO.person());

      engine.execute(Viewer.system(), new UpdateProfile(bo));
      ThreadId back = engine.execute(ANA, StartThread.question(space,
          "When is the next payroll run?", "I need the next payroll date.", "payroll"));
      assertThat(engine.routedTo(ANA, back)).containsExactly(BO.person());
      assertThat(engine.whoKnows(ANA, WhoKnowsQuery.topics(Tag.of("payroll"))).get(0)
          .reasons()).noneMatch(r -> r.startsWith("away") || r.startsWith("leaving"));

      engine.execute(Viewer.system(), new UpdateProfile(bo.toBuilder()
          .status(PersonStatus.LEAVING, LocalDate.of(2026, 6, 30)).build()));
      assertThat(engine.whoKnows(ANA, WhoKnowsQuery.topics(Tag.of("payroll"))).get(0)
          .reasons()).last().isEqualTo("leaving on 2026-06-30");
    }
  }

  @Test
  void peopleWhoAnsweredAreNotSuggestedAndRoutingIsOffByDefault() {
    try (SocialLearningEngine engine = engine(RoutingPolicy.off())) {
      SpaceId space = history(engine);
      ThreadId q = engine.execute(ANA, StartThread.question(space, "When is the payroll run?",
          "I need the payroll date.", "payroll"));
      assertThat(routings()).isEmpty();
      assertThat(engine.routedTo(ANA, q)).isEmpty();
      engine.execute(BO, new PostAnswer(q, "On the 25th."));
      assertThat(engine.suggestAnswerers(ANA, q, 5)).extracting(ExpertCandidate::person)
          .doesNotContain(BO.person(), ANA.person());
    }
  }

  @Test
  void aSpaceWithRoutingSwitchedOffRoutesNothing() {
    try (SocialLearningEngine engine = engine(RoutingPolicy.suggest(1, 2))) {
      SpaceId space = history(engine);
      engine.execute(Viewer.system(), new ConfigureSpace(space,
          SpaceFeatures.all().withRouting(false)));
      ThreadId q = engine.execute(ANA, StartThread.question(space, "When is the payroll run?",
          "I need the payroll date.", "payroll"));
      assertThat(routings()).isEmpty();
      assertThat(engine.routedTo(ANA, q)).isEmpty();
    }
  }

  @Test
  void aMixSetWhileRunningRoutesAndRanksFromTheNextQuestionOn() {
    try (SocialLearningEngine engine = engine(RoutingPolicy.suggest(1, 5))) {
      SpaceId space = history(engine);
      // Cy has just answered something else: present now, but no payroll knowledge
      ThreadId other = engine.execute(Viewer.of("dee"), StartThread.question(space,
          "Where is the stapler?", "I cannot find the stapler anywhere.", "office"));
      engine.execute(CY, new PostAnswer(other, "The stapler is in the second drawer."));
      clock.advance(Duration.ofMinutes(5));
      heard.clear();
      assertThat(engine.expertiseMix()).isEqualTo(ExpertiseMix.defaults());
      ThreadId first = engine.execute(ANA, StartThread.question(space,
          "When is the payroll run?", "I need the payroll date.", "payroll"));
      assertThat(routings()).singleElement()
          .satisfies(r -> assertThat(r.people()).containsExactly(BO.person()));

      // a community where whoever is around now answers
      double[] w = new double[ExpertiseMix.SIGNALS.size()];
      w[ExpertiseMix.SIGNALS.indexOf("lastAnswer1h")] = 5;
      ExpertiseMix presence = ExpertiseMix.of(w);
      engine.useExpertiseMix(presence);
      assertThat(engine.expertiseMix()).isEqualTo(presence);
      heard.clear();
      ThreadId second = engine.execute(ANA, StartThread.question(space,
          "Payroll run on holidays?", "Does the payroll run move on holidays?", "payroll"));
      assertThat(routings()).singleElement()
          .satisfies(r -> assertThat(r.people()).containsExactly(CY.person()));
      assertThat(engine.suggestAnswerers(ANA, second, 2)).extracting(ExpertCandidate::person)
          .first().isEqualTo(CY.person());
      WhoKnowsQuery payroll = WhoKnowsQuery.topics(Tag.of("payroll"));
      assertThat(engine.whoKnows(ANA, payroll).get(0).person()).isEqualTo(CY.person());
      // a query that names its own mix keeps it
      assertThat(engine.whoKnows(ANA, payroll.with(WhoKnowsOptions.defaults()
          .mix(ExpertiseMix.defaults()))).get(0).person()).isEqualTo(BO.person());
      // what was recorded stays
      assertThat(engine.routedTo(ANA, first)).containsExactly(BO.person());

      assertThatThrownBy(() -> engine.useExpertiseMix(null))
          .isInstanceOfSatisfying(InvalidInputException.class,
              e -> assertThat(e.field()).isEqualTo("mix"));
      assertThat(engine.expertiseMix()).isEqualTo(presence);
    }
  }
}
