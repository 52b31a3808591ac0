package io.socialearn.core;

import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static io.socialearn.core.Fixture.CY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.Done;
import io.socialearn.api.ForbiddenException;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.CloseThread;
import io.socialearn.api.command.EditThread;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RecordVisit;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.reputation.Privilege;
import io.socialearn.api.reputation.TrustLevel;
import io.socialearn.api.reputation.TrustStatus;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import io.socialearn.core.log.InMemoryEventLog;
import io.socialearn.core.reputation.TrustPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustTest {
  private final Fixture f = new Fixture(InMemoryEventLog.create(), WriteRateLimit.unlimited(),
      TrustPolicy.defaults());

  @Test
  void newPeopleMayNotPostLinksUntilTheyCameBackOnASecondDay() {
    long before = f.log.lastSequence();
    assertThatThrownBy(() -> f.engine.execute(ANA, StartThread.question(f.open,
        "Where is the form?", "Is it https://intranet.example/forms ?")))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("POST_LINKS").hasMessageContaining("BASIC (1)")
        .hasMessageContaining("ana is at NEW (0)");
    assertThat(f.log.lastSequence()).isEqualTo(before);

    f.engine.execute(ANA, new RecordVisit());
    Done again = f.engine.execute(ANA, new RecordVisit());
    assertThat(again.sequence()).as("a second visit on a day records nothing")
        .isEqualTo(f.log.lastSequence());
    f.clock.advance(Duration.ofDays(1));
    f.engine.execute(ANA, new RecordVisit());
    assertThat(f.engine.trust(BO, ANA.person()).level()).isEqualTo(TrustLevel.BASIC);
    f.engine.execute(ANA, StartThread.question(f.open, "Where is the form?",
        "Is it https://intranet.example/forms ?"));
  }

  @Test
  void votingDownNeedsMemberAndEditingOthersNeedsRegular() {
    ThreadId q = f.engine.execute(ANA, StartThread.question(f.open, "A plain question",
        "body"));
    assertThatThrownBy(() -> f.engine.execute(BO, new CastVote(q, VoteDirection.DOWN)))
        .isInstanceOf(ForbiddenException.class).hasMessageContaining("VOTE_DOWN");

    // Bo earns MEMBER: 15 reputation, 5 days active, an answer.
    ThreadId other = f.engine.execute(CY, StartThread.question(f.open, "Cy's question", "?"));
    PostId answer = f.engine.execute(BO, new PostAnswer(other, "an answer"));
    f.engine.execute(CY, new CastVote(answer, VoteDirection.UP));
    f.engine.execute(ANA, new CastVote(answer, VoteDirection.UP));
    for (int day = 0; day < 5; day++) {
      f.clock.advance(Duration.ofDays(1));
      f.engine.execute(BO, new RecordVisit());
    }
    TrustStatus bo = f.engine.trust(ANA, BO.person());
    assertThat(bo.level()).isEqualTo(TrustLevel.MEMBER);
    assertThat(bo.privileges()).containsExactlyInAnyOrder(Privilege.POST_LINKS,
        Privilege.VOTE_DOWN);
    f.engine.execute(BO, new CastVote(q, VoteDirection.DOWN));

    assertThatThrownBy(() -> f.engine.execute(BO, new EditThread(q, "A better question",
        "body", List.of(), ""))).isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("EDIT_OTHERS_POSTS").hasMessageContaining("REGULAR (3)");
    assertThatThrownBy(() -> f.engine.execute(BO, new CloseThread(q, "")))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void trustedPeopleEditAndModerateWithoutASpaceRole() {
    TrustPolicy easy = new TrustPolicy(List.of(new TrustPolicy.Threshold(1, 0, 0),
        new TrustPolicy.Threshold(1, 0, 0), new TrustPolicy.Threshold(1, 0, 0),
        new TrustPolicy.Threshold(1, 0, 0)), Map.of(Privilege.EDIT_OTHERS_POSTS, TrustLevel.REGULAR,
        Privilege.MODERATE, TrustLevel.LEADER));
    try (Fixture g = new Fixture(InMemoryEventLog.create(), WriteRateLimit.unlimited(), easy)) {
      ThreadId q = g.engine.execute(ANA, StartThread.question(g.open, "A plain question",
          "body"));
      g.engine.execute(BO, new EditThread(q, "A plainer question", "body", List.of(), "typo"));
      g.engine.execute(BO, new CloseThread(q, "off topic"));
      assertThat(g.engine.thread(ANA, q).summary().state().name()).isEqualTo("CLOSED");
    }
  }

  @Test
  void thresholdsMustRise() {
    assertThatThrownBy(() -> new TrustPolicy(List.of(new TrustPolicy.Threshold(10, 0, 0),
        new TrustPolicy.Threshold(5, 0, 0), new TrustPolicy.Threshold(20, 0, 0),
        new TrustPolicy.Threshold(30, 0, 0)), Map.of()))
        .hasMessageContaining("MEMBER is below that of BASIC");
  }
}
