package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.NotFoundException;
import io.socialearn.api.PageRequest;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.ConfigureSpace;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.LinkAccounts;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.SetMemberRole;
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
import io.socialearn.api.space.SpaceKind;
import io.socialearn.api.space.SpaceRole;
import io.socialearn.api.space.SpaceVisibility;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.reputation.TrustPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingTest {
  private static final Viewer ANA = Viewer.of("ana");
  private static final Viewer BO = Viewer.of("bo");
  private static final Viewer CY = Viewer.of("cy");
  private static final Viewer DEE = Viewer.of("dee");

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

  /** Sets Bo's status, the rest of his profile as it is. */
  private static void boIs(SocialLearningEngine engine, PersonStatus status, LocalDate lastDay) {
    PersonProfile bo = engine.person(Viewer.system(), BO.person());
    engine.execute(Viewer.system(), new UpdateProfile(bo.toBuilder().status(status, lastDay)
        .build()));
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

  /**
   * Bo2, linked to Bo as one person's accounts, has answered payroll twice, Cy once, after the
   * history (Bo three times).
   */
  private SpaceId twoAccountsHistory(SocialLearningEngine engine) {
    engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(
        PersonId.of("bo2")).displayName("bo2").build()));
    SpaceId space = history(engine);
    for (String by : List.of("bo2", "bo2", "cy")) {
      ThreadId q = engine.execute(DEE, StartThread.question(space,
          "Payroll question by " + by + " " + heard.size(), "How does the payroll run?",
          "payroll"));
      engine.execute(Viewer.of(by), new PostAnswer(q, "The payroll run works like this."));
    }
    engine.execute(Viewer.system(), new LinkAccounts(BO.person(), PersonId.of("bo2")));
    clock.advance(Duration.ofDays(1));
    heard.clear();
    return space;
  }

  @Test
  void whoKnowsNamesAPersonOnceWhateverTheirLinkedAccounts() {
    try (SocialLearningEngine engine = engine(RoutingPolicy.off())) {
      twoAccountsHistory(engine);
      WhoKnowsQuery payroll = WhoKnowsQuery.topics(Tag.of("payroll"))
          .with(WhoKnowsOptions.defaults().limit(2));
      // Bo's best account, then Cy: two people, as many as asked for
      assertThat(engine.whoKnows(ANA, payroll)).extracting(ExpertCandidate::person)
          .containsExactly(BO.person(), CY.person());
    }
  }

  /**
   * Payroll answers: Bo two, then bo2 two, then Cy three; {@code boLinked} links Bo and bo2 as one
   * person's accounts. Returns who knows payroll as Ana asks it, by the count of evidence in the
   * topic alone (every other signal weighed 0), so that only how much each knows decides.
   */
  private List<ExpertCandidate> splitAnswers(SocialLearningEngine engine, boolean boLinked,
      Runnable before) {
    engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(
        PersonId.of("bo2")).displayName("bo2").build()));
    SpaceId space = engine.execute(Viewer.system(), CreateSpace.community("Money"));
    int n = 0;
    for (String by : List.of("bo", "bo", "bo2", "bo2", "cy", "cy", "cy")) {
      ThreadId q = engine.execute(DEE, StartThread.question(space, "Payroll question " + n++,
          "How does the payroll run work?", "payroll"));
      engine.execute(Viewer.of(by), new PostAnswer(q, "The payroll run works like this."));
    }
    if (boLinked) {
      engine.execute(Viewer.system(), new LinkAccounts(BO.person(), PersonId.of("bo2")));
    }
    before.run();
    ExpertiseMix topicAlone = ExpertiseMix.of(new double[ExpertiseMix.SIGNALS.size()])
        .with("topic", 1);
    return engine.whoKnows(ANA, WhoKnowsQuery.topics(Tag.of("payroll"))
        .with(WhoKnowsOptions.defaults().mix(topicAlone)));
  }

  @Test
  void aPersonIsScoredOnTheEvidenceOfAllTheirLinkedAccountsTogether() {
    try (SocialLearningEngine engine = engine(RoutingPolicy.off())) {
      // Unlinked, Cy's three answers beat each account's two.
      assertThat(splitAnswers(engine, false, () -> { })).extracting(ExpertCandidate::person)
          .startsWith(CY.person());
    }
    try (SocialLearningEngine engine = engine(RoutingPolicy.off())) {
      List<ExpertCandidate> linked = splitAnswers(engine, true, () -> { });
      // As one person Bo has four: first, named once, with the reasons of both accounts
      // (Dee, who asked, follows on the questions' own weight in the topic)
      assertThat(linked).extracting(ExpertCandidate::person)
          .doesNotHaveDuplicates().doesNotContain(PersonId.of("bo2"));
      assertThat(linked.get(0).person()).isEqualTo(BO.person());
      assertThat(linked.get(1).person()).isEqualTo(CY.person());
      assertThat(linked.get(0).reasons()).anyMatch(r -> r.startsWith("4 answers in payroll"));
      assertThat(linked.get(0).signals().get("topic"))
          .isGreaterThan(linked.get(1).signals().get("topic"));
    }
  }

  @Test
  void aPersonWhoseAccountWasClosedIsNamedUnderTheOtherWithTheClosedOnesEvidence() {
    try (SocialLearningEngine engine = engine(RoutingPolicy.off())) {
      List<ExpertCandidate> found = splitAnswers(engine, true,
          () -> boIs(engine, PersonStatus.LEFT, null));
      // Bo's own account is closed: the person is named under bo2, on all four answers
      assertThat(found).extracting(ExpertCandidate::person)
          .startsWith(PersonId.of("bo2"), CY.person()).doesNotContain(BO.person());
      assertThat(found.get(0).reasons()).anyMatch(r -> r.startsWith("4 answers in payroll"));
    }
  }

  @Test
  void aPersonIsAskedNoMoreOftenADayThanTheCapUnderAllTheirAccounts() {
    try (SocialLearningEngine engine = engine(RoutingPolicy.suggest(1, 1))) {
      SpaceId space = twoAccountsHistory(engine);
      ThreadId first = engine.execute(ANA, StartThread.question(space, "Payroll date one",
          "When is the payroll run?", "payroll"));
      ThreadId second = engine.execute(ANA, StartThread.question(space, "Payroll date two",
          "When is the payroll run?", "payroll"));
      assertThat(engine.routedTo(ANA, first)).containsExactly(BO.person());
      assertThat(engine.routedTo(ANA, second)).containsExactly(CY.person());
    }
  }

  /**
   * Away and leaving are a person's: marked under one account, they hold under every account
   * linked to it. An account closed (left) is that account's alone: the person's other accounts
   * are still asked.
   */
  @Test
  void awayOrLeavingUnderOneAccountHoldsForAllOfThePersonsAccounts() {
    try (SocialLearningEngine engine = engine(RoutingPolicy.suggest(1, 5))) {
      SpaceId space = twoAccountsHistory(engine);
      boIs(engine, PersonStatus.AWAY, null);
      ThreadId whileAway = engine.execute(ANA, StartThread.question(space,
          "When is the payroll run?", "I need the payroll date.", "payroll"));
      assertThat(engine.routedTo(ANA, whileAway)).containsExactly(CY.person());
      assertThat(engine.suggestAnswerers(ANA, whileAway, 5)).extracting(ExpertCandidate::person)
          .doesNotContain(BO.person(), PersonId.of("bo2"));
      WhoKnowsQuery payroll = WhoKnowsQuery.topics(Tag.of("payroll"));
      assertThat(engine.whoKnows(ANA, payroll.with(WhoKnowsOptions.defaults()
          .availableOnly(true)))).extracting(ExpertCandidate::person)
          .doesNotContain(BO.person(), PersonId.of("bo2"));
      // Still named where availability is not asked for, and said to be away, under either.
      ExpertCandidate named = engine.whoKnows(ANA, payroll).get(0);
      assertThat(named.person()).isIn(BO.person(), PersonId.of("bo2"));
      assertThat(named.reasons()).last().isEqualTo("away for now");

      boIs(engine, PersonStatus.LEAVING, LocalDate.of(2026, 6, 30));
      assertThat(engine.whoKnows(ANA, payroll).get(0).reasons()).last()
          .isEqualTo("leaving on 2026-06-30");
      ThreadId whileLeaving = engine.execute(ANA, StartThread.question(space,
          "When is the payroll run next?", "I need the next payroll date.", "payroll"));
      assertThat(engine.routedTo(ANA, whileLeaving)).containsExactly(CY.person());

      // Bo's first account closed: the person is still here under bo2, and is asked there.
      boIs(engine, PersonStatus.LEFT, null);
      ThreadId afterClosing = engine.execute(ANA, StartThread.question(space,
          "When is the payroll run after that?", "I need a later payroll date.", "payroll"));
      assertThat(engine.routedTo(ANA, afterClosing)).containsExactly(PersonId.of("bo2"));
      assertThat(engine.whoKnows(ANA, payroll).get(0).reasons())
          .noneMatch(r -> r.startsWith("away") || r.startsWith("leaving"));
    }
  }

  /** A person left out of who knows by the options is left out under every account. */
  @Test
  void aPersonExcludedIsExcludedUnderAllTheirAccounts() {
    try (SocialLearningEngine engine = engine(RoutingPolicy.off())) {
      twoAccountsHistory(engine);
      WhoKnowsQuery payroll = WhoKnowsQuery.topics(Tag.of("payroll"));
      assertThat(engine.whoKnows(ANA, payroll)).extracting(ExpertCandidate::person)
          .contains(BO.person());
      for (PersonId excluded : List.of(BO.person(), PersonId.of("bo2"))) {
        assertThat(engine.whoKnows(ANA, payroll.with(WhoKnowsOptions.defaults()
            .exclude(Set.of(excluded))))).extracting(ExpertCandidate::person)
            .as("excluding %s", excluded)
            .doesNotContain(BO.person(), PersonId.of("bo2")).contains(CY.person());
      }
    }
  }

  /** Someone who answered a question is not suggested for it under another of their accounts. */
  @Test
  void whoAnsweredUnderOneAccountIsNotSuggestedUnderAnother() {
    try (SocialLearningEngine engine = engine(RoutingPolicy.off())) {
      SpaceId space = twoAccountsHistory(engine);
      ThreadId q = engine.execute(ANA, StartThread.question(space, "When is the payroll run?",
          "I need the payroll date.", "payroll"));
      assertThat(engine.suggestAnswerers(ANA, q, 5)).extracting(ExpertCandidate::person)
          .contains(BO.person());
      engine.execute(Viewer.of("bo2"), new PostAnswer(q, "On the 25th."));
      assertThat(engine.suggestAnswerers(ANA, q, 5)).extracting(ExpertCandidate::person)
          .doesNotContain(BO.person(), PersonId.of("bo2")).contains(CY.person());
    }
  }

  @Test
  void someoneAwayIsNotAskedUntilBackButWhoKnowsStillNamesThemAndSaysSo() {
    try (SocialLearningEngine engine = engine(RoutingPolicy.suggest(1, 5))) {
      SpaceId space = history(engine);
      boIs(engine, PersonStatus.AWAY, null);
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

      boIs(engine, PersonStatus.ACTIVE, null);
      ThreadId back = engine.execute(ANA, StartThread.question(space,
          "When is the next payroll run?", "I need the next payroll date.", "payroll"));
      assertThat(engine.routedTo(ANA, back)).containsExactly(BO.person());
      assertThat(engine.whoKnows(ANA, WhoKnowsQuery.topics(Tag.of("payroll"))).get(0)
          .reasons()).noneMatch(r -> r.startsWith("away") || r.startsWith("leaving"));

      boIs(engine, PersonStatus.LEAVING, LocalDate.of(2026, 6, 30));
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

  /**
   * Bo's payroll knowledge is in an organisation-wide space; Ana asks in a members-only team
   * space Bo is not a member of: Bo cannot read (or answer) the question, so he is not asked.
   */
  @Test
  void aQuestionInAMembersOnlySpaceIsNotRoutedToANonMember() {
    try (SocialLearningEngine engine = engine(RoutingPolicy.suggest(1, 5))) {
      history(engine);
      SpaceId team = engine.execute(Viewer.system(), new CreateSpace("Payroll team", "",
          SpaceKind.DEPARTMENT, SpaceVisibility.MEMBERS_ONLY));
      for (Viewer member : List.of(ANA, DEE)) {
        engine.execute(Viewer.system(), new SetMemberRole(team, member.person(),
            SpaceRole.MEMBER));
      }
      heard.clear();
      ThreadId q = engine.execute(ANA, StartThread.question(team, "When is the payroll run?",
          "I need the payroll date for the team.", "payroll"));
      // Bo cannot read the question: it is not in his inbox and he cannot answer it.
      assertThat(engine.questionsRoutedTo(BO, PageRequest.first(10)).items()).isEmpty();
      assertThatThrownBy(() -> engine.execute(BO,
          new PostAnswer(q, "On the 25th, as always.")))
          .isInstanceOf(NotFoundException.class);
      // Nor is he asked: the event listeners turn into notifications does not name him.
      assertThat(routings()).as("QuestionRouted heard by the listener")
          .allSatisfy(r -> assertThat(r.people()).doesNotContain(BO.person()));
      assertThat(engine.routedTo(ANA, q)).as("routedTo").doesNotContain(BO.person());
      assertThat(engine.suggestAnswerers(ANA, q, 5)).extracting(ExpertCandidate::person)
          .as("suggestAnswerers").doesNotContain(BO.person());
    }
  }

  /**
   * More people know payroll in the organisation's space than who knows keeps to rank (its
   * topic pool): a members-only team's question still goes to the team's member who answered
   * payroll there, though their evidence is below all the others'.
   */
  @Test
  void aMembersOnlyQuestionFindsAMemberBelowThousandsWhoKnowMore() {
    try (SocialLearningEngine engine = engine(RoutingPolicy.suggest(1, 5))) {
      // Ranked by evidence in the topics, so that the pool is cut by it.
      engine.useExpertiseMix(ExpertiseMix.defaults().with("topic", 1));
      SpaceId money = engine.execute(Viewer.system(), CreateSpace.community("Money"));
      SpaceId team = engine.execute(Viewer.system(), new CreateSpace("Payroll team", "",
          SpaceKind.DEPARTMENT, SpaceVisibility.MEMBERS_ONLY));
      for (Viewer member : List.of(ANA, CY)) {
        engine.execute(Viewer.system(), new SetMemberRole(team, member.person(),
            SpaceRole.MEMBER));
      }
      // Worded unlike the question routed below, so that Cy is not found as the author of a
      // similar thread (who knows takes those whatever the pool) but by the pool alone.
      ThreadId teamQuestion = engine.execute(ANA, StartThread.question(team,
          "Team sign-off", "Who signs off on it for us?", "payroll"));
      engine.execute(CY, new PostAnswer(teamQuestion, "Like this."));
      // A day later (so that Cy's one answer has faded a little below each of theirs), 5,100
      // people answer payroll once each in the organisation's space, a hundred a question.
      clock.advance(Duration.ofDays(1));
      ThreadId open = null;
      for (int i = 0; i < 5_100; i++) {
        PersonId p = PersonId.of("p" + i);
        engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(p)
            .displayName(p.value()).build()));
        if (i % 100 == 0) {
          open = engine.execute(DEE, StartThread.question(money, "Payroll question " + i,
              "How does the payroll run work?", "payroll"));
        }
        engine.execute(Viewer.of(p.value()), new PostAnswer(open, "The payroll run."));
      }
      ThreadId q = engine.execute(ANA, StartThread.question(team, "Payroll date",
          "Which day this month?", "payroll"));
      assertThat(engine.routedTo(ANA, q)).containsExactly(CY.person());
    }
  }

  private SocialLearningEngine durable(Path dir, int snapshotEvery) {
    SocialLearningEngine.Builder b = SocialLearningEngine.builder().clock(clock)
        .routing(RoutingPolicy.suggest(1, 2)).trustPolicy(TrustPolicy.rolesOnly())
        .writeRateLimit(WriteRateLimit.unlimited()).dataDirectory(dir);
    if (snapshotEvery > 0) {
      b.snapshotEvery(snapshotEvery);
    }
    SocialLearningEngine engine = b.build();
    if (engine.lastSequence() == 0) {
      for (String id : List.of("ana", "bo", "cy", "dee")) {
        engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(
            PersonId.of(id)).displayName(id).build()));
      }
    }
    return engine;
  }


  @ParameterizedTest
  @ValueSource(ints = {0, 3})
  void theDailyCapHoldsAcrossARestart(int snapshotEvery, @TempDir Path dir) {
    SpaceId money;
    List<Object> contents;
    try (SocialLearningEngine engine = durable(dir, snapshotEvery)) {
      money = history(engine);
      for (int i = 0; i < 2; i++) {
        ThreadId q = engine.execute(ANA, StartThread.question(money, "Payroll date " + i,
            "When is the payroll run?", "payroll"));
        assertThat(engine.routedTo(ANA, q)).containsExactly(BO.person());
      }
      contents = engine.stateContents();
    }
    try (SocialLearningEngine engine = durable(dir, snapshotEvery)) {
      assertThat(engine.stateContents()).isEqualTo(contents);
      ThreadId q = engine.execute(ANA, StartThread.question(money, "Payroll date 3",
          "When is the payroll run?", "payroll"));
      assertThat(engine.routedTo(ANA, q)).doesNotContain(BO.person());
    }
  }

  /** Ana's second account is the payroll expert: routing Ana's question to it asks Ana. */
  @Test
  void aQuestionIsNotRoutedToTheAskersLinkedAccount() {
    try (SocialLearningEngine engine = engine(RoutingPolicy.suggest(1, 5))) {
      engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(
          PersonId.of("ana2")).displayName("ana (second account)").build()));
      engine.execute(Viewer.system(), new LinkAccounts(ANA.person(),
          PersonId.of("ana2")));
      SpaceId money = engine.execute(Viewer.system(), CreateSpace.community("Money"));
      for (int i = 0; i < 3; i++) {
        ThreadId q = engine.execute(DEE, StartThread.question(money,
            "Payroll question number " + i, "How does the payroll run work?", "payroll"));
        engine.execute(DEE, new AcceptAnswer(engine.execute(Viewer.of("ana2"),
            new PostAnswer(q, "The payroll run works like this."))));
      }
      clock.advance(Duration.ofDays(1));
      ThreadId q = engine.execute(ANA, StartThread.question(money, "When is the payroll run?",
          "I need the payroll date.", "payroll"));
      assertThat(engine.routedTo(ANA, q)).doesNotContain(PersonId.of("ana2"));
      // Nor does who knows name Ana's other account to her, unless she asks it to.
      WhoKnowsQuery payroll = WhoKnowsQuery.topics(Tag.of("payroll"));
      assertThat(engine.whoKnows(ANA, payroll)).extracting(ExpertCandidate::person)
          .doesNotContain(PersonId.of("ana2"));
      assertThat(engine.whoKnows(ANA, payroll.with(WhoKnowsOptions.defaults()
          .excludeViewer(false)))).extracting(ExpertCandidate::person)
          .contains(PersonId.of("ana2"));
    }
  }

  /**
   * Who a question is routed to, which anyone who reads the question may see, is decided by
   * evidence they may all see: the organisation's spaces and the question's own.
   */
  @Test
  void whomAPublicQuestionWasRoutedToIsNotDecidedByMembersOnlyEvidence() {
    try (SocialLearningEngine engine = engine(RoutingPolicy.suggest(3, 5))) {
      SpaceId open = engine.execute(Viewer.system(), CreateSpace.community("Money"));
      SpaceId secret = engine.execute(Viewer.of("bo"), new CreateSpace("Payroll pilot",
          "pilot", SpaceKind.DEPARTMENT, SpaceVisibility.MEMBERS_ONLY));
      engine.execute(Viewer.of("bo"), new SetMemberRole(secret, PersonId.of("cy"),
          SpaceRole.MEMBER));
      // Cy's only payroll evidence is in the members-only pilot.
      for (int i = 0; i < 3; i++) {
        ThreadId q = engine.execute(Viewer.of("bo"), StartThread.question(secret,
            "Pilot payroll question " + i, "How does the payroll run work?", "payroll"));
        PostId a = engine.execute(Viewer.of("cy"), new PostAnswer(q,
            "The payroll run works like this."));
        engine.execute(Viewer.of("bo"), new AcceptAnswer(a));
      }
      clock.advance(Duration.ofDays(1));
      // Bo, a pilot member, asks in the open space, which Ana reads.
      ThreadId open1 = engine.execute(Viewer.of("bo"), StartThread.question(open,
          "When is the payroll run?", "I need the payroll date.", "payroll"));
      // What Ana can see names nobody for payroll ...
      assertThat(engine.whoKnows(Viewer.of("ana"),
          WhoKnowsQuery.topics(Tag.of("payroll"))))
          .extracting(c -> c.person().value()).doesNotContain("cy");
      // ... and so the routing record Ana may read does not name Cy either.
      assertThat(engine.routedTo(Viewer.of("ana"), open1)).doesNotContain(PersonId.of("cy"));
      assertThat(engine.suggestAnswerers(Viewer.of("bo"), open1, 5))
          .extracting(ExpertCandidate::person).doesNotContain(PersonId.of("cy"));
      // A question in the pilot itself is routed on the pilot's evidence: to Cy.
      ThreadId pilot = engine.execute(Viewer.of("bo"), StartThread.question(secret,
          "When is the pilot payroll run?", "I need the pilot's payroll date.", "payroll"));
      assertThat(engine.routedTo(Viewer.of("bo"), pilot)).containsExactly(PersonId.of("cy"));
      assertThat(heard.stream().map(RecordedEvent::event)
          .filter(QuestionRouted.class::isInstance).map(QuestionRouted.class::cast)
          .filter(r -> r.thread().equals(pilot)).flatMap(r -> r.people().stream()).toList())
          .containsExactly(PersonId.of("cy"));
    }
  }
}
