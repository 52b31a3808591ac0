package io.socialearn.core;

import static io.socialearn.core.Fixture.ADMIN;
import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static io.socialearn.core.Fixture.CY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.ConflictException;
import io.socialearn.api.ForbiddenException;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.ConfigureSpace;
import io.socialearn.api.command.SetMemberRole;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SpaceFeatures;
import io.socialearn.api.space.SpaceRole;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpaceFeaturesTest {
  private final Fixture f = new Fixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void ownersSwitchFeaturesAndEveryoneSeesThem() {
    assertThat(f.engine.space(CY, f.payroll).features()).isEqualTo(SpaceFeatures.all());
    assertThatThrownBy(() -> f.engine.execute(CY, new ConfigureSpace(f.payroll,
        SpaceFeatures.all().withVoting(false)))).isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("only owners");
    f.engine.execute(BO, new ConfigureSpace(f.payroll, SpaceFeatures.all().withVoting(false)
        .withReputationShown(false)));
    assertThat(f.engine.space(CY, f.payroll).features())
        .isEqualTo(new SpaceFeatures(false, false, true, true));
    assertThatThrownBy(() -> f.engine.execute(BO, new ConfigureSpace(f.payroll,
        new SpaceFeatures(false, false, true, true)))).isInstanceOf(ConflictException.class);
  }

  @Test
  void withVotingOffNobodyVotesInThatSpace() {
    ThreadId q = f.engine.execute(BO, StartThread.question(f.payroll, "A pilot question",
        "Does voting work here?"));
    f.engine.execute(BO, new ConfigureSpace(f.payroll, SpaceFeatures.all().withVoting(false)));
    long before = f.log.lastSequence();
    assertThatThrownBy(() -> f.engine.execute(CY, new CastVote(q, VoteDirection.UP)))
        .isInstanceOf(ForbiddenException.class).hasMessageContaining("voting is off");
    assertThat(f.log.lastSequence()).isEqualTo(before);
    ThreadId elsewhere = f.engine.execute(ANA, StartThread.question(f.open, "Another question",
        "Voting works here."));
    f.engine.execute(CY, new CastVote(elsewhere, VoteDirection.UP));
  }

  @Test
  void withExternalGuestsOffNoGuestIsInvited() {
    f.engine.execute(ADMIN, new ConfigureSpace(f.payroll,
        SpaceFeatures.all().withExternalGuests(false)));
    assertThatThrownBy(() -> f.engine.execute(BO, new SetMemberRole(f.payroll,
        PersonId.of("gus"), SpaceRole.MEMBER))).isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("external guests are off");
    f.engine.execute(BO, new SetMemberRole(f.payroll, PersonId.of("dee"), SpaceRole.MEMBER));
  }
}
