package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.PageRequest;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.SetMemberRole;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.event.QuestionRouted;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.WhoKnowsOptions;
import io.socialearn.api.expertise.WhoKnowsQuery;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SpaceKind;
import io.socialearn.api.space.SpaceRole;
import io.socialearn.api.space.SpaceVisibility;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.reputation.TrustPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Routing asks only people who can read the question, never the asker under another account,
 * and keeps its daily cap across a restart.
 */
class RoutingAccessTest {
  private static final Viewer ANA = Viewer.of("ana");
  private static final Viewer BO = Viewer.of("bo");
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

  private void bosPayroll(SocialLearningEngine engine, SpaceId space) {
    for (int i = 0; i < 3; i++) {
      ThreadId q = engine.execute(DEE, StartThread.question(space,
          "Payroll question number " + i, "How does the payroll run work?", "payroll"));
      engine.execute(DEE, new AcceptAnswer(engine.execute(BO,
          new PostAnswer(q, "The payroll run works like this."))));
    }
    clock.advance(Duration.ofDays(1));
    heard.clear();
  }

  private List<QuestionRouted> routings() {
    return heard.stream().map(RecordedEvent::event).filter(QuestionRouted.class::isInstance)
        .map(QuestionRouted.class::cast).toList();
  }

  /**
   * Bo's payroll knowledge is in an organisation-wide space; Ana asks in a members-only team
   * space Bo is not a member of. Bo cannot read (or answer) the question, yet he is asked.
   */
  @Test
  void aQuestionInAMembersOnlySpaceIsNotRoutedToANonMember() {
    try (SocialLearningEngine engine = engine(RoutingPolicy.suggest(1, 5))) {
      SpaceId money = engine.execute(Viewer.system(), CreateSpace.community("Money"));
      bosPayroll(engine, money);
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
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.execute(BO,
          new PostAnswer(q, "On the 25th, as always.")))
          .isInstanceOf(io.socialearn.api.NotFoundException.class);
      // Nor is he asked: the event listeners turn into notifications does not name him.
      assertThat(routings()).as("QuestionRouted heard by the listener")
          .allSatisfy(r -> assertThat(r.people()).doesNotContain(BO.person()));
      assertThat(engine.routedTo(ANA, q)).as("routedTo").doesNotContain(BO.person());
      assertThat(engine.suggestAnswerers(ANA, q, 5)).extracting(ExpertCandidate::person)
          .as("suggestAnswerers").doesNotContain(BO.person());
    }
  }

  private SocialLearningEngine durable(java.nio.file.Path dir, int snapshotEvery) {
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

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {0, 3})
  void theDailyCapHoldsAcrossARestart(int snapshotEvery, @org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) {
    SpaceId money;
    List<Object> contents;
    try (SocialLearningEngine engine = durable(dir, snapshotEvery)) {
      money = engine.execute(Viewer.system(), CreateSpace.community("Money"));
      bosPayroll(engine, money);
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
      engine.execute(Viewer.system(), new io.socialearn.api.command.LinkAccounts(ANA.person(),
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
}
