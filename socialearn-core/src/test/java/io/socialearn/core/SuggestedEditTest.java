package io.socialearn.core;

import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static io.socialearn.core.Fixture.CY;
import static io.socialearn.core.Fixture.DEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.ConflictException;
import io.socialearn.api.ForbiddenException;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.NotFoundException;
import io.socialearn.api.command.ApproveSuggestedEdit;
import io.socialearn.api.command.AwardBounty;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.DeletePost;
import io.socialearn.api.command.ExpireBounty;
import io.socialearn.api.command.OfferBounty;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.reputation.ReputationChange;
import io.socialearn.api.reputation.ReputationReason;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Revision;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.log.InMemoryEventLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestedEditTest {

  @Test
  void anApprovedSuggestionIsARevisionByTheSuggesterWhoEarnsTheReward() {
    try (Fixture f = new Fixture()) {
      ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "Suggested question",
          "body"));
      PostId a = f.engine.execute(BO, new PostAnswer(q, "an answr"));
      f.engine.execute(BO, new ApproveSuggestedEdit(a, CY.person(), "an answer", "typo"));
      f.engine.execute(ANA, new ApproveSuggestedEdit(q, DEE.person(), "the body", ""));

      assertThat(f.engine.revisions(ANA, a)).extracting(Revision::editor)
          .contains(CY.person());
      assertThat(f.engine.reputation(ANA, CY.person()).score().points()).isEqualTo(3);
      assertThat(f.engine.reputation(ANA, DEE.person()).score().points()).isEqualTo(3);
      assertThat(f.engine.reputation(ANA, CY.person()).changes())
          .extracting(ReputationChange::reason).containsExactly(ReputationReason.EDIT_APPROVED);
      assertThat(f.engine.reputation(ANA, BO.person()).score().points())
          .as("approving earns nothing").isEqualTo(1);

      // Text already in place (imported history): credited, no revision added.
      int revisions = f.engine.revisions(ANA, a).size();
      f.engine.execute(BO, new ApproveSuggestedEdit(a, DEE.person(), null, ""));
      assertThat(f.engine.revisions(ANA, a)).hasSize(revisions);
      assertThat(f.engine.reputation(ANA, DEE.person()).score().points()).isEqualTo(5);

      try (SocialLearningEngine replayed = f.replay()) {
        assertThat(replayed.reputation(ANA, DEE.person()).score().points()).isEqualTo(5);
        assertThat(replayed.stateContents()).isEqualTo(f.engine.stateContents());
      }
    }
  }

  @Test
  void badSuggestionsAreRefusedAndChangeNothing() {
    try (Fixture f = new Fixture()) {
      ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "Refused question",
          "body"));
      PostId a = f.engine.execute(BO, new PostAnswer(q, "answer"));
      long before = f.log.lastSequence();
      assertThatThrownBy(() -> f.engine.execute(CY, new ApproveSuggestedEdit(a, DEE.person(),
          "answer!", ""))).isInstanceOf(ForbiddenException.class).hasMessageContaining("EDIT");
      assertThatThrownBy(() -> f.engine.execute(BO, new ApproveSuggestedEdit(a, BO.person(),
          "answer!", ""))).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("suggestedBy");
      assertThatThrownBy(() -> f.engine.execute(BO, new ApproveSuggestedEdit(a, CY.person(),
          "answer", ""))).isInstanceOf(ConflictException.class)
          .hasMessageContaining("changes nothing");
      assertThatThrownBy(() -> f.engine.execute(BO, new ApproveSuggestedEdit(a,
          PersonId.of("nobody"), "answer!", ""))).isInstanceOf(NotFoundException.class);
      assertThat(f.log.lastSequence()).isEqualTo(before);
      assertThat(f.engine.reputation(ANA, DEE.person()).score().points()).isEqualTo(1);
    }
  }

  @Test
  void theRewardOutlivesTheDeletionOfTheEditedPost() {
    try (Fixture f = new Fixture()) {
      ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "Deleted later",
          "body"));
      PostId a = f.engine.execute(BO, new PostAnswer(q, "answer"));
      f.engine.execute(BO, new ApproveSuggestedEdit(a, CY.person(), "better answer", ""));
      f.engine.execute(DEE, new CastVote(a, VoteDirection.UP));
      f.engine.execute(BO, new DeletePost(a, "obsolete"));
      assertThat(f.engine.reputation(ANA, BO.person()).score().points()).isEqualTo(1);
      assertThat(f.engine.reputation(ANA, CY.person()).score().points()).isEqualTo(3);
    }
  }

  @Test
  void aLapsedBountyGivesHalfToTheChosenAnswerAndTheOffererStillPays() {
    try (Fixture f = new Fixture(InMemoryEventLog.create(), WriteRateLimit.unlimited())) {
      ThreadId first = f.engine.execute(ANA, StartThread.question(f.open, "First question",
          "?"));
      ThreadId second = f.engine.execute(ANA, StartThread.question(f.open, "Second question",
          "?"));
      for (var voter : List.of(BO, CY, DEE)) {
        f.engine.execute(voter, new CastVote(first, VoteDirection.UP));
        f.engine.execute(voter, new CastVote(second, VoteDirection.UP));
      }
      f.engine.execute(ANA, new OfferBounty(first, 50));
      PostId answer = f.engine.execute(BO, new PostAnswer(first, "the answer"));
      PostId own = f.engine.execute(ANA, new PostAnswer(first, "my own answer"));
      assertThatThrownBy(() -> f.engine.execute(ANA, new ExpireBounty(answer)))
          .isInstanceOf(ForbiddenException.class).hasMessageContaining("administrators");
      assertThatThrownBy(() -> f.engine.execute(Fixture.ADMIN, new ExpireBounty(own)))
          .isInstanceOf(ForbiddenException.class).hasMessageContaining("offerer");
      f.engine.execute(Fixture.ADMIN, new ExpireBounty(answer));
      assertThat(f.engine.reputation(CY, BO.person()).score().points()).isEqualTo(1 + 25);
      assertThat(f.engine.reputation(CY, ANA.person()).score().points()).isEqualTo(61 - 50);
      assertThatThrownBy(() -> f.engine.execute(ANA, new AwardBounty(answer)))
          .isInstanceOf(ConflictException.class).hasMessageContaining("no open bounty");
    }
  }
}
