package io.socialearn.core;

import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static io.socialearn.core.Fixture.CY;
import static io.socialearn.core.Fixture.DEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.ForbiddenException;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.AdjustReputation;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.DeletePost;
import io.socialearn.api.command.DeleteThread;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RetractVote;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.reputation.ReputationChange;
import io.socialearn.api.reputation.ReputationReason;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.reputation.ReputationRules;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReputationEngineTest {

  /** Ana asks, Bo answers, Cy votes the answer up, Dee down, and Ana accepts it. */
  private static PostId votedAndAcceptedAnswer(Fixture f, String title) {
    ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, title, "body"));
    PostId a = f.engine.execute(BO, new PostAnswer(q, "answer"));
    f.engine.execute(CY, new CastVote(a, VoteDirection.UP));
    f.engine.execute(DEE, new CastVote(a, VoteDirection.DOWN));
    f.engine.execute(ANA, new AcceptAnswer(a));
    return a;
  }

  @Test
  void reputationFollowsCommandsAndOtherRulesRecomputeEveryoneFromTheLog() {
    try (Fixture f = new Fixture()) {
      PostId a = votedAndAcceptedAnswer(f, "Reputation question");
      assertThat(f.engine.reputation(DEE, BO.person()).score().points())
          .isEqualTo(1 + 10 - 2 + 15);
      assertThat(f.engine.reputation(DEE, DEE.person()).score().points()).isEqualTo(1);
      f.engine.execute(DEE, new RetractVote(a));
      assertThat(f.engine.reputation(DEE, BO.person()).score().points()).isEqualTo(26);

      try (SocialLearningEngine gentle = SocialLearningEngine.builder()
          .eventLog(new SharedLog(f.log)).reputationRules(ReputationRules.workplace()).build()) {
        assertThat(gentle.reputation(DEE, BO.person()).score().points()).isEqualTo(26);
        assertThat(gentle.reputation(DEE, ANA.person()).changes())
            .extracting(ReputationChange::delta).containsExactly(2);
      }
    }
  }

  @Test
  void deletingAPostOrAThreadTakesBackWhatItsVotesAndAcceptGaveEveryone() {
    try (Fixture f = new Fixture()) {
      ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "Deletion question",
          "body"));
      PostId a = f.engine.execute(BO, new PostAnswer(q, "answer"));
      PostId other = f.engine.execute(CY, new PostAnswer(q, "another answer"));
      f.engine.execute(CY, new CastVote(a, VoteDirection.UP));
      f.engine.execute(DEE, new CastVote(a, VoteDirection.DOWN));
      f.engine.execute(DEE, new CastVote(other, VoteDirection.UP));
      f.engine.execute(BO, new CastVote(q, VoteDirection.UP));
      f.engine.execute(ANA, new AcceptAnswer(a));
      assertThat(score(f, BO)).isEqualTo(1 + 10 - 2 + 15);
      assertThat(score(f, ANA)).isEqualTo(1 + 10 + 2);
      f.engine.execute(BO, new DeletePost(a, ""));
      assertThat(score(f, BO)).as("the answer's votes and accept taken back").isEqualTo(1);
      assertThat(score(f, DEE)).as("the down vote's cost refunded").isEqualTo(1);
      assertThat(score(f, ANA)).as("the accept's bonus taken back").isEqualTo(1 + 10);
      assertThat(score(f, CY)).isEqualTo(1 + 10);
      f.engine.execute(Fixture.ADMIN, new DeleteThread(q, ""));
      assertThat(score(f, ANA)).as("the question's vote taken back").isEqualTo(1);
      assertThat(score(f, CY)).as("the thread's answers' votes taken back").isEqualTo(1);
    }
  }

  /**
   * A ledger read back from a snapshot remembers who has facts about a post they did not write
   * (a down vote's cost, an accept's bonus), so a deletion after the restart takes them back too.
   */
  @Test
  void aLedgerReadBackFromASnapshotTakesBackWhatADeletionTakesBack() throws Exception {
    try (Fixture f = new Fixture()) {
      PostId a = votedAndAcceptedAnswer(f, "Deletion question");
      StateCodec.Decoded restored = StateCodec.decode(f.engine.snapshotBytes());
      long taken = restored.state().lastSequence;
      f.engine.execute(BO, new DeletePost(a, ""));
      assertThat(score(f, DEE)).as("the down vote's cost refunded").isEqualTo(1);
      try (var events = f.log.readFrom(taken + 1)) {
        events.forEach(e -> {
          restored.state().apply(e);
          restored.ledger().apply(e);
        });
      }
      assertThat(restored.ledger().image()).isEqualTo(f.engine.reputationImage());
    }
  }

  /**
   * A change's time is kept to the second; times more than 68 years from 2020 (beyond the
   * ledger's int column of seconds) widen the column and survive a snapshot as the others do.
   */
  @Test
  void aChangesTimeIsKeptToTheSecondAndTimesFarFrom2020SurviveASnapshot() throws Exception {
    try (Fixture f = new Fixture()) {
      ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "When was it?", "body"));
      f.clock.set(Instant.parse("2026-03-04T09:00:00.750Z"));
      f.engine.execute(BO, new CastVote(q, VoteDirection.UP));
      f.clock.set(Instant.parse("2100-03-04T09:00:00.250Z"));
      f.engine.execute(CY, new CastVote(q, VoteDirection.UP));
      assertThat(f.engine.reputation(DEE, ANA.person()).changes())
          .extracting(ReputationChange::at).containsExactly(
              Instant.parse("2026-03-04T09:00:00Z"), Instant.parse("2100-03-04T09:00:00Z"));
      assertThat(f.engine.reputation(DEE, ANA.person()).score().asOf())
          .isEqualTo(Instant.parse("2100-03-04T09:00:00Z"));
      StateCodec.Decoded restored = StateCodec.decode(f.engine.snapshotBytes());
      assertThat(restored.ledger().image()).isEqualTo(f.engine.reputationImage());
      assertThat(restored.ledger().history(ANA.person(), c -> true, Instant.EPOCH).changes())
          .isEqualTo(f.engine.reputation(DEE, ANA.person()).changes());
    }
  }

  private static int score(Fixture f, io.socialearn.api.Viewer person) {
    return f.engine.reputation(DEE, person.person()).score().points();
  }

  @Test
  void changesAboutPostsAViewerCannotReadAreLeftOutButTheScoreIsPublic() {
    try (Fixture f = new Fixture()) {
      ThreadId secret = f.engine.execute(BO, StartThread.question(f.payroll, "Secret question",
          "body"));
      f.engine.execute(CY, new CastVote(secret, VoteDirection.UP));
      assertThat(f.engine.reputation(ANA, BO.person()).score().points()).isEqualTo(11);
      assertThat(f.engine.reputation(ANA, BO.person()).changes()).isEmpty();
      assertThat(f.engine.reputation(CY, BO.person()).changes()).hasSize(1);
    }
  }

  @Test
  void anAdjustmentBeyondWhatAReputationHoldsIsRefusedNotLost() {
    try (Fixture f = new Fixture()) {
      f.engine.execute(Fixture.ADMIN, new AdjustReputation(BO.person(), 2_000_000_000,
          "imported standing"));
      assertThat(f.engine.reputation(DEE, BO.person()).score().points())
          .isEqualTo(2_000_000_001);
      long before = f.log.lastSequence();
      // 4,000,000,001 points do not fit: refused, rather than recorded and folded to the floor.
      assertThatThrownBy(() -> f.engine.execute(Fixture.ADMIN, new AdjustReputation(
          BO.person(), 2_000_000_000, "imported twice"))).isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("delta"));
      assertThatThrownBy(() -> f.engine.execute(Fixture.ADMIN, new AdjustReputation(
          DEE.person(), Integer.MAX_VALUE, "everything"))).isInstanceOf(
              InvalidInputException.class);
      assertThat(f.log.lastSequence()).isEqualTo(before);
      assertThat(f.engine.reputation(DEE, BO.person()).score().points())
          .isEqualTo(2_000_000_001);
      f.engine.execute(Fixture.ADMIN, new AdjustReputation(BO.person(), -2_000_000_000,
          "correction"));
      assertThat(f.engine.reputation(DEE, BO.person()).score().points()).isEqualTo(1);
    }
  }

  @Test
  void votesOnAReputationAtTheMostItHoldsStopThereInsteadOfWrapping() {
    try (Fixture f = new Fixture()) {
      f.engine.execute(Fixture.ADMIN, new AdjustReputation(BO.person(), Integer.MAX_VALUE - 6,
          "imported standing"));
      assertThat(score(f, BO)).isEqualTo(Integer.MAX_VALUE - 5);
      ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "Near the top", "body"));
      PostId a = f.engine.execute(BO, new PostAnswer(q, "answer"));
      f.engine.execute(CY, new CastVote(a, VoteDirection.UP));
      assertThat(score(f, BO)).as("+10, held at the most an int holds")
          .isEqualTo(Integer.MAX_VALUE);
      assertThat(f.engine.reputation(DEE, BO.person()).changes())
          .extracting(ReputationChange::delta).containsExactly(Integer.MAX_VALUE - 6, 5);
      f.engine.execute(DEE, new CastVote(a, VoteDirection.DOWN));
      assertThat(score(f, BO)).isEqualTo(Integer.MAX_VALUE - 2);
    }
  }

  @Test
  void administratorsAdjustReputationBeforeTheFloorAppliesToLaterLosses() {
    try (Fixture f = new Fixture()) {
      assertThatThrownBy(() -> f.engine.execute(ANA, new AdjustReputation(BO.person(), 100,
          "bonus"))).isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> f.engine.execute(Fixture.ADMIN, new AdjustReputation(BO.person(),
          0, "nothing"))).isInstanceOf(InvalidInputException.class);
      f.engine.execute(Fixture.ADMIN, new AdjustReputation(BO.person(), 100,
          "association bonus"));
      ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "Adjusted question",
          "body"));
      PostId a = f.engine.execute(CY, new PostAnswer(q, "answer"));
      f.engine.execute(BO, new CastVote(a, VoteDirection.DOWN));
      assertThat(f.engine.reputation(DEE, BO.person()).score().points()).isEqualTo(100);
      assertThat(f.engine.reputation(DEE, BO.person()).changes())
          .extracting(ReputationChange::reason)
          .containsExactly(ReputationReason.ADJUSTMENT, ReputationReason.DOWNVOTED_ANSWER);
    }
  }
}
