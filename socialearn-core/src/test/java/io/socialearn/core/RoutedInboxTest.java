package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.InvalidInputException;
import io.socialearn.api.Page;
import io.socialearn.api.PageRequest;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.CloseThread;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.DeletePost;
import io.socialearn.api.command.DeleteThread;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RecordView;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.RemoveMember;
import io.socialearn.api.command.SetMemberRole;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.event.PersonRegistered;
import io.socialearn.api.event.QuestionRouted;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.event.SpaceCreated;
import io.socialearn.api.event.ThreadStarted;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SpaceKind;
import io.socialearn.api.space.SpaceRole;
import io.socialearn.api.space.SpaceVisibility;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadKind;
import io.socialearn.api.thread.ThreadSort;
import io.socialearn.api.thread.ThreadSummary;
import io.socialearn.core.reputation.TrustPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The expert's inbox: the questions routed to them that still wait for them. */
class RoutedInboxTest {
  private static final Viewer ANA = Viewer.of("ana");
  private static final Viewer BO = Viewer.of("bo");
  private static final Viewer CY = Viewer.of("cy");
  private static final Viewer DEE = Viewer.of("dee");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

  @TempDir
  Path directory;

  private SocialLearningEngine engine(Path data) {
    SocialLearningEngine.Builder b = SocialLearningEngine.builder().clock(clock)
        .routing(RoutingPolicy.suggest(1, 50)).trustPolicy(TrustPolicy.rolesOnly())
        .writeRateLimit(WriteRateLimit.unlimited());
    if (data != null) {
      b.dataDirectory(data).snapshotEvery(5);
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

  /** Bo has answered payroll questions in {@code space}, and Dee asked them. */
  private void bosPayroll(SocialLearningEngine engine, SpaceId space) {
    for (int i = 0; i < 3; i++) {
      ThreadId q = engine.execute(DEE, StartThread.question(space,
          "Payroll question number " + i, "How does the payroll run work?", "payroll"));
      engine.execute(DEE, new AcceptAnswer(engine.execute(BO,
          new PostAnswer(q, "The payroll run works like this."))));
    }
    clock.advance(Duration.ofDays(1));
  }

  /** A community space where Bo has answered payroll questions. */
  private SpaceId money(SocialLearningEngine engine) {
    SpaceId space = engine.execute(Viewer.system(), CreateSpace.community("Money"));
    bosPayroll(engine, space);
    return space;
  }

  private ThreadId ask(SocialLearningEngine engine, SpaceId space, String title) {
    clock.advance(Duration.ofMinutes(1));
    ThreadId q = engine.execute(ANA, StartThread.question(space, title,
        "A question about the payroll run.", "payroll"));
    assertThat(engine.routedTo(ANA, q)).as("the premise: %s went to bo", title)
        .containsExactly(BO.person());
    return q;
  }

  private static List<ThreadId> inbox(SocialLearningEngine engine, Viewer viewer) {
    return engine.questionsRoutedTo(viewer, PageRequest.first(100)).items().stream()
        .map(ThreadSummary::id).toList();
  }

  @Test
  void aQuestionWaitsInTheInboxOfWhoWasAskedUntilItIsDealtWith() {
    try (SocialLearningEngine engine = engine(null)) {
      SpaceId space = money(engine);
      ThreadId answered = ask(engine, space, "When is the payroll run?");
      ThreadId accepted = ask(engine, space, "Who signs the payroll?");
      ThreadId closed = ask(engine, space, "Is the payroll late?");
      ThreadId deleted = ask(engine, space, "Payroll spam");
      ThreadId waiting = ask(engine, space, "Where is the payroll calendar?");
      assertThat(inbox(engine, BO)).containsExactly(waiting, deleted, closed, accepted, answered);
      assertThat(inbox(engine, CY)).isEmpty();

      engine.execute(BO, new PostAnswer(answered, "On the 25th."));
      engine.execute(ANA, new AcceptAnswer(engine.execute(CY,
          new PostAnswer(accepted, "The head of finance."))));
      engine.execute(Viewer.system(), new CloseThread(closed, "unclear"));
      engine.execute(Viewer.system(), new DeleteThread(deleted, "spam"));
      assertThat(inbox(engine, BO)).containsExactly(waiting);
      // Cy answered a question routed to Bo: that does not put it in Cy's inbox.
      assertThat(inbox(engine, CY)).isEmpty();
    }
  }

  @Test
  void aDeletedAnswerPutsTheQuestionBack() {
    try (SocialLearningEngine engine = engine(null)) {
      SpaceId space = money(engine);
      ThreadId q = ask(engine, space, "When is the payroll run?");
      PostId answer = engine.execute(BO, new PostAnswer(q, "On the 25th, I think."));
      assertThat(inbox(engine, BO)).isEmpty();
      engine.execute(BO, new DeletePost(answer, "wrong"));
      assertThat(inbox(engine, BO)).containsExactly(q);
    }
  }

  @Test
  void aQuestionInASpaceTheExpertLeftIsNoLongerShown() {
    try (SocialLearningEngine engine = engine(null)) {
      SpaceId team = engine.execute(Viewer.system(), new CreateSpace("Payroll team", "",
          SpaceKind.DEPARTMENT, SpaceVisibility.MEMBERS_ONLY));
      for (Viewer member : List.of(ANA, BO, DEE)) {
        engine.execute(Viewer.system(), new SetMemberRole(team, member.person(),
            SpaceRole.MEMBER));
      }
      bosPayroll(engine, team);
      ThreadId q = ask(engine, team, "When is the payroll run?");
      assertThat(inbox(engine, BO)).containsExactly(q);
      engine.execute(Viewer.system(), new RemoveMember(team, BO.person()));
      assertThat(inbox(engine, BO)).isEmpty();
    }
  }

  @Test
  void pagesNewestFirstWithACursorThatOnlyThisListTakes() {
    try (SocialLearningEngine engine = engine(null)) {
      SpaceId space = money(engine);
      ThreadId first = ask(engine, space, "Payroll one");
      ThreadId second = ask(engine, space, "Payroll two");
      ThreadId third = ask(engine, space, "Payroll three");
      Page<ThreadSummary> page = engine.questionsRoutedTo(BO, PageRequest.first(2));
      assertThat(page.items()).extracting(ThreadSummary::id).containsExactly(third, second);
      Page<ThreadSummary> next = engine.questionsRoutedTo(BO, page.next(2).orElseThrow());
      assertThat(next.items()).extracting(ThreadSummary::id).containsExactly(first);
      assertThat(next.hasMore()).isFalse();
      String otherList = engine.threads(BO, space, ThreadSort.NEWEST,
          PageRequest.first(1)).nextCursor();
      assertThatThrownBy(() -> engine.questionsRoutedTo(BO, PageRequest.after(otherList, 2)))
          .isInstanceOf(InvalidInputException.class);
    }
  }

  @Test
  void aQuestionRoutedAgainMovesToTheInboxesOfItsNewRecordOnly() {
    EngineState state = new EngineState(null);
    ThreadId q = ThreadId.of("q");
    ThreadId other = ThreadId.of("other");
    state.routed(other, List.of(BO.person()));
    state.routed(q, List.of(BO.person(), CY.person(), CY.person()));
    state.routed(q, List.of(CY.person(), DEE.person()));
    assertThat(state.routedFor.get(BO.person())).containsExactly(other);
    assertThat(state.routedFor.get(CY.person())).containsExactly(q);
    assertThat(state.routedFor.get(DEE.person())).containsExactly(q);
    state.routed(other, List.of(DEE.person()));
    assertThat(state.routedFor).doesNotContainKey(BO.person());
    // What a fold of the latest records (a snapshot's) gives.
    EngineState folded = new EngineState(null);
    state.routedTo.forEach(folded::routed);
    assertThat(folded.routedFor.keySet()).isEqualTo(state.routedFor.keySet());
    folded.routedFor.forEach((person, questions) -> assertThat(questions)
        .containsExactlyInAnyOrderElementsOf(state.routedFor.get(person)));
  }

  @Test
  void routingKeepsTheStatesOwnIdsNotTheCopiesARecordBrings() {
    EngineState state = new EngineState(null);
    Instant at = Instant.parse("2026-03-02T09:00:00Z");
    SpaceId space = SpaceId.of("money");
    ThreadId q = ThreadId.of("q");
    state.apply(new RecordedEvent(1, at, new PersonRegistered(PersonProfile.builder(BO.person())
        .displayName("Bo").build())));
    state.apply(new RecordedEvent(2, at, new SpaceCreated(space, "Money", "Pay",
        SpaceKind.COMMUNITY, SpaceVisibility.ORGANIZATION, BO.person())));
    state.apply(new RecordedEvent(3, at, new ThreadStarted(q, space, ThreadKind.QUESTION,
        "Payroll?", "How?", List.of(), BO.person())));
    // Equal ids in objects of their own, as a record read from the log or a snapshot has them.
    ThreadId copy = ThreadId.of(new String("q"));
    PersonId bo = PersonId.of(new String("bo"));
    state.apply(new RecordedEvent(4, at, new QuestionRouted(copy, List.of(bo))));
    Map.Entry<ThreadId, List<PersonId>> entry = state.routedTo.entrySet().iterator().next();
    assertThat(entry.getKey()).isEqualTo(q).isSameAs(state.shared(q)).isNotSameAs(copy);
    assertThat(entry.getValue().get(0)).isSameAs(state.people.get(bo).id()).isNotSameAs(bo);
    assertThat(state.routedFor.keySet().iterator().next()).isSameAs(state.people.get(bo).id());
    assertThat(state.routedToday.keySet().iterator().next())
        .isSameAs(state.people.get(bo).id());
    // A snapshot's rows go through routed as they are read.
    state.routed(ThreadId.of(new String("q")), List.of(PersonId.of(new String("bo"))));
    assertThat(state.routedTo.keySet()).singleElement().isSameAs(state.shared(q));
    assertThat(state.routedTo.get(q).get(0)).isSameAs(state.people.get(bo).id());
  }

  @Test
  void aSnapshotReadHoldsOneObjectPerPersonInItsRoutingViewsMembersAndEngagement()
      throws Exception {
    try (SocialLearningEngine engine = engine(null)) {
      SpaceId space = money(engine);
      ThreadId q = ask(engine, space, "Payroll one");
      engine.execute(CY, new RecordView(q));
      engine.execute(Viewer.system(), new SetMemberRole(space, CY.person(), SpaceRole.MODERATOR));
      EngineState read = StateCodec.decode(engine.snapshotBytes()).state();
      List<PersonId> held = new java.util.ArrayList<>();
      read.routedTo.values().forEach(held::addAll);
      held.addAll(read.routedFor.keySet());
      held.addAll(read.routedToday.keySet());
      List<ThreadId> viewed = new java.util.ArrayList<>();
      read.viewers.forEach((thread, readers) -> {
        viewed.add(thread);
        java.util.Arrays.stream(readers).mapToObj(read.personIds::get).forEach(held::add);
      });
      held.addAll(read.threadsRead.keySet());
      read.members.values().forEach(roles -> held.addAll(roles.keySet()));
      held.addAll(read.daysActive.keySet());
      held.addAll(read.answersGiven.keySet());
      assertThat(held).as("the premise: every one of those models holds someone")
          .contains(BO.person(), CY.person(), DEE.person()).hasSizeGreaterThan(8);
      assertThat(held).allSatisfy(person ->
          assertThat(person).isSameAs(read.people.get(person).id()));
      assertThat(viewed).singleElement().isSameAs(read.shared(q));
      assertThat(read.hasRead(q, CY.person())).isTrue();
      assertThat(read.hasRead(q, DEE.person())).isFalse();
    }
  }

  @Test
  void theInboxIsTheSameAfterARestartFromASnapshot() {
    List<ThreadId> before;
    List<Object> contents;
    try (SocialLearningEngine engine = engine(directory)) {
      SpaceId space = money(engine);
      ask(engine, space, "Payroll one");
      ThreadId second = ask(engine, space, "Payroll two");
      ask(engine, space, "Payroll three");
      engine.execute(BO, new PostAnswer(second, "Like this."));
      before = inbox(engine, BO);
      assertThat(before).hasSize(2);
      contents = engine.stateContents();
    }
    try (SocialLearningEngine again = engine(directory)) {
      assertThat(inbox(again, BO)).isEqualTo(before);
      assertThat(again.stateContents()).isEqualTo(contents);
    }
  }
}
