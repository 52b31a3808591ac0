package io.socialearn.core;

import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static io.socialearn.core.Fixture.CY;
import static io.socialearn.core.Fixture.DEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.ConflictException;
import io.socialearn.api.ForbiddenException;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.MakeCommunityWiki;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RetractVote;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import org.junit.jupiter.api.Test;

class CommunityWikiTest {

  @Test
  void votesAfterAPostBecomesCommunityWikiEarnItsAuthorNothingVotesBeforeStillCount() {
    try (Fixture f = new Fixture()) {
      ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "Wiki question", "body"));
      PostId a = f.engine.execute(BO, new PostAnswer(q, "a list everyone extends"));
      f.engine.execute(CY, new CastVote(a, VoteDirection.UP));
      assertThatThrownBy(() -> f.engine.execute(DEE, new MakeCommunityWiki(a)))
          .isInstanceOf(ForbiddenException.class);
      f.engine.execute(BO, new MakeCommunityWiki(a));
      assertThatThrownBy(() -> f.engine.execute(BO, new MakeCommunityWiki(a)))
          .isInstanceOf(ConflictException.class).hasMessageContaining("already");

      f.engine.execute(DEE, new CastVote(a, VoteDirection.UP));
      f.engine.execute(ANA, new CastVote(a, VoteDirection.DOWN));
      f.engine.execute(ANA, new AcceptAnswer(a));
      // Cy's vote from before still counts; Dee's up vote, Ana's down vote and the accept do not.
      assertThat(f.engine.reputation(CY, BO.person()).score().points()).isEqualTo(11);
      assertThat(f.engine.reputation(CY, ANA.person()).score().points())
          .as("the asker still earns for accepting; the down voter still pays").isEqualTo(1 + 2);
      f.engine.execute(CY, new RetractVote(a));
      assertThat(f.engine.reputation(CY, BO.person()).score().points()).isEqualTo(1);

      try (SocialLearningEngine replayed = f.replay()) {
        assertThat(replayed.reputation(CY, BO.person()).score().points()).isEqualTo(1);
        assertThat(replayed.reputation(CY, ANA.person()).score().points()).isEqualTo(3);
        assertThat(replayed.stateContents()).isEqualTo(f.engine.stateContents());
      }
    }
  }

  @Test
  void aQuestionCanBeCommunityWikiToo() {
    try (Fixture f = new Fixture()) {
      ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "Wiki question", "body"));
      f.engine.execute(Fixture.ADMIN, new MakeCommunityWiki(q));
      f.engine.execute(BO, new CastVote(q, VoteDirection.UP));
      assertThat(f.engine.reputation(BO, ANA.person()).score().points()).isEqualTo(1);
    }
  }
}
