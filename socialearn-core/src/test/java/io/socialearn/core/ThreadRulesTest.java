package io.socialearn.core;

import static io.socialearn.core.Fixture.ADMIN;
import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static io.socialearn.core.Fixture.DEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.ForbiddenException;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.PageRequest;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.DeleteThread;
import io.socialearn.api.command.MarkDuplicate;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.event.EventLog;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.spi.IdGenerator;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadSort;
import io.socialearn.api.thread.ThreadSummary;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.log.InMemoryEventLog;
import io.socialearn.core.reputation.TrustPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Threads' rules a host relies on: a cursor belongs to its own list, a duplicate never points
 * a reader at a thread they may not read, an id made twice fails loudly, a deleted thread's
 * answers stop counting for trust, and votes do not move a thread up the activity list.
 */
class ThreadRulesTest {
  @Test
  void aCursorFromAnotherSpacesListIsInvalidInput() {
    try (Fixture f = new Fixture()) {
      for (int i = 0; i < 3; i++) {
        f.engine.execute(ANA, StartThread.question(f.open, "Open space question " + i, "body"));
        f.engine.execute(BO, StartThread.question(f.payroll, "Payroll question " + i, "body"));
      }
      String cursor = f.engine.threads(BO, f.open, ThreadSort.NEWEST, PageRequest.first(1))
          .nextCursor();
      assertThat(cursor).isNotNull();
      assertThatThrownBy(() -> f.engine.threads(BO, f.payroll, ThreadSort.NEWEST,
          PageRequest.after(cursor, 10))).isInstanceOf(InvalidInputException.class);
      assertThat(f.engine.threads(BO, f.open, ThreadSort.NEWEST, PageRequest.after(cursor, 10))
          .items()).hasSize(2);
      // A person's activity list is theirs too.
      String mine = f.engine.activity(DEE, ANA.person(), PageRequest.first(1)).nextCursor();
      assertThatThrownBy(() -> f.engine.activity(DEE, BO.person(), PageRequest.after(mine, 10)))
          .isInstanceOf(InvalidInputException.class);
    }
  }

  @Test
  void aDuplicateNeverPointsItsReadersAtAMembersOnlyThread() {
    try (Fixture f = new Fixture()) {
      ThreadId hidden = f.engine.execute(BO, StartThread.question(f.payroll,
          "Secret payroll question", "body"));
      f.clock.advance(Duration.ofMinutes(1));
      ThreadId visible = f.engine.execute(BO, StartThread.question(f.open,
          "Public payroll question", "body"));
      long before = f.log.lastSequence();
      assertThatThrownBy(() -> f.engine.execute(BO, new MarkDuplicate(visible, hidden)))
          .isInstanceOf(ForbiddenException.class).hasMessageContaining("members-only");
      assertThat(f.log.lastSequence()).isEqualTo(before);
      // The other way round every reader of the duplicate may read the original.
      f.engine.execute(BO, new MarkDuplicate(hidden, visible));
      assertThat(f.engine.thread(BO, hidden).summary().duplicateOf()).isEqualTo(visible);
    }
  }

  @Test
  void anIdMadeTwiceFailsLoudlyAndReplacesNothing() {
    EventLog log = InMemoryEventLog.create();
    MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    SpaceId first;
    ThreadId question;
    try (SocialLearningEngine e = sequential(log, clock)) {
      e.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(PersonId.of("bo"))
          .displayName("Bo").orgUnit("Payroll").build()));
      first = e.execute(BO, CreateSpace.community("First space"));
      question = e.execute(BO, StartThread.question(first, "A question in the first space",
          "body"));
    }
    // A second sequential generator over the same log starts its count again.
    try (SocialLearningEngine e = sequential(log, clock)) {
      long before = log.lastSequence();
      assertThatThrownBy(() -> e.execute(BO, CreateSpace.community("Second space")))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use already");
      assertThat(log.lastSequence()).isEqualTo(before);
      assertThat(e.threads(BO, first, ThreadSort.NEWEST, PageRequest.first(10)).items())
          .extracting(ThreadSummary::id).containsExactly(question);
      assertThat(e.space(BO, first).name()).isEqualTo("First space");
    }
  }

  private static SocialLearningEngine sequential(EventLog log, MutableClock clock) {
    return SocialLearningEngine.builder().clock(clock).idGenerator(IdGenerator.sequential())
        .eventLog(new SharedLog(log)).trustPolicy(TrustPolicy.rolesOnly()).build();
  }

  @Test
  void answersInADeletedThreadStopCountingForTrust() throws Exception {
    try (Fixture f = new Fixture()) {
      ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "A question to delete",
          "body"));
      f.engine.execute(BO, new PostAnswer(q, "an answer"));
      assertThat(f.engine.trust(ADMIN, BO.person()).answers()).isEqualTo(1);
      ThreadId kept = f.engine.execute(ANA, StartThread.question(f.open, "A question to keep",
          "body"));
      f.engine.execute(BO, new PostAnswer(kept, "a kept answer"));
      f.engine.execute(ADMIN, new DeleteThread(q, "spam"));
      assertThat(f.engine.trust(ADMIN, BO.person()).answers()).isEqualTo(1);
      try (SocialLearningEngine replayed = f.replay()) {
        assertThat(replayed.trust(ADMIN, BO.person()).answers()).isEqualTo(1);
      }
      // A snapshot of format 22 or before counted them still: read, they are counted afresh.
      byte[] snapshot = f.engine.snapshotBytes();
      java.nio.ByteBuffer.wrap(snapshot).putInt(4, 22);
      assertThat(StateCodec.decode(snapshot).state().contents())
          .isEqualTo(f.engine.stateContents());
    }
  }

  @Test
  void votesDoNotMoveAThreadUpTheActivityList() {
    try (Fixture f = new Fixture()) {
      ThreadId older = f.engine.execute(ANA, StartThread.question(f.open, "Older question here",
          "body"));
      f.clock.advance(Duration.ofMinutes(1));
      ThreadId newer = f.engine.execute(ANA, StartThread.question(f.open, "Newer question here",
          "body"));
      f.clock.advance(Duration.ofMinutes(5));
      f.engine.execute(BO, new CastVote(older, VoteDirection.UP));
      assertThat(f.engine.threads(DEE, f.open, ThreadSort.ACTIVITY, PageRequest.first(2))
          .items()).extracting(ThreadSummary::id).containsExactly(newer, older);
      f.engine.execute(BO, new PostAnswer(older, "an answer moves it"));
      assertThat(f.engine.threads(DEE, f.open, ThreadSort.ACTIVITY, PageRequest.first(2))
          .items()).extracting(ThreadSummary::id).containsExactly(older, newer);
    }
  }
}
