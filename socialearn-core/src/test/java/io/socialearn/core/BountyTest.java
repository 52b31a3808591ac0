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
import io.socialearn.api.command.AwardBounty;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.OfferBounty;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.log.InMemoryEventLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class BountyTest {

  @Test
  void theOffererPaysNowAndTheAnswerTheyChooseEarnsItOutsideTheCap() {
    try (Fixture f = new Fixture(InMemoryEventLog.create(), WriteRateLimit.unlimited())) {
      // Ana earns 60 reputation: three colleagues vote up both of her questions.
      ThreadId first = f.engine.execute(ANA, StartThread.question(f.open, "First question",
          "?"));
      ThreadId second = f.engine.execute(ANA, StartThread.question(f.open, "Second question",
          "?"));
      for (var voter : List.of(BO, CY, DEE)) {
        f.engine.execute(voter, new CastVote(first, VoteDirection.UP));
        f.engine.execute(voter, new CastVote(second, VoteDirection.UP));
      }
      assertThat(f.engine.reputation(BO, ANA.person()).score().points()).isEqualTo(61);
      assertThatThrownBy(() -> f.engine.execute(ANA, new OfferBounty(first, 100)))
          .isInstanceOf(ForbiddenException.class).hasMessageContaining("has 61");
      assertThatThrownBy(() -> f.engine.execute(ANA, new OfferBounty(first, 10)))
          .isInstanceOf(InvalidInputException.class);

      f.engine.execute(ANA, new OfferBounty(first, 50));
      assertThat(f.engine.reputation(BO, ANA.person()).score().points()).isEqualTo(11);
      assertThatThrownBy(() -> f.engine.execute(ANA, new OfferBounty(first, 50)))
          .isInstanceOf(ConflictException.class);

      PostId answer = f.engine.execute(BO, new PostAnswer(first, "the answer"));
      PostId own = f.engine.execute(ANA, new PostAnswer(first, "my own answer"));
      assertThatThrownBy(() -> f.engine.execute(CY, new AwardBounty(answer)))
          .isInstanceOf(ForbiddenException.class).hasMessageContaining("who offered it");
      assertThatThrownBy(() -> f.engine.execute(ANA, new AwardBounty(own)))
          .isInstanceOf(ForbiddenException.class).hasMessageContaining("own answer");
      f.engine.execute(ANA, new AwardBounty(answer));
      assertThat(f.engine.reputation(CY, BO.person()).score().points()).isEqualTo(51);
      assertThatThrownBy(() -> f.engine.execute(ANA, new AwardBounty(answer)))
          .isInstanceOf(ConflictException.class).hasMessageContaining("no open bounty");

      try (SocialLearningEngine replayed = f.replay()) {
        assertThat(replayed.reputation(CY, BO.person()).score().points()).isEqualTo(51);
        assertThat(replayed.stateContents()).isEqualTo(f.engine.stateContents());
      }
    }
  }
}
