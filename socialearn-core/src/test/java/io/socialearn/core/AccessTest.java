package io.socialearn.core;

import static io.socialearn.core.Fixture.ADMIN;
import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static io.socialearn.core.Fixture.CY;
import static io.socialearn.core.Fixture.DEE;
import static io.socialearn.core.Fixture.GUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.ForbiddenException;
import io.socialearn.api.NotFoundException;
import io.socialearn.api.PageRequest;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.JoinSpace;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.SetMemberRole;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.search.SearchHit;
import io.socialearn.api.search.SimilarQuery;
import io.socialearn.api.space.Space;
import io.socialearn.api.space.SpaceRole;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadSort;
import io.socialearn.api.thread.VoteDirection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessTest {
  private final Fixture f = new Fixture();
  private final ThreadId secret = f.engine.execute(BO, StartThread.question(f.payroll,
      "Salary bands for the Payroll team", "Where are the confidential bands kept?", "salary"));
  private final PostId secretAnswer = f.engine.execute(CY, new PostAnswer(secret,
      "In the confidential salary folder."));

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aMembersOnlyThreadDoesNotExistForNonMembersInAnyRead() {
    for (var outsider : List.of(ANA, DEE, GUS)) {
      assertThatThrownBy(() -> f.engine.thread(outsider, secret))
          .isInstanceOf(NotFoundException.class).hasMessage("thread not found: " + secret);
      assertThatThrownBy(() -> f.engine.threads(outsider, f.payroll, ThreadSort.NEWEST,
          PageRequest.first(10))).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> f.engine.space(outsider, f.payroll))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> f.engine.members(outsider, f.payroll))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> f.engine.revisions(outsider, secret))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> f.engine.revisions(outsider, secretAnswer))
          .isInstanceOf(NotFoundException.class);
      assertThat(f.engine.spaces(outsider)).extracting(Space::id).doesNotContain(f.payroll);
      assertThat(f.engine.search(outsider, "confidential salary bands", 10).hits()).isEmpty();
      assertThat(f.engine.search(outsider, "confidential salary bands", 10).totalHits()).isZero();
      assertThat(f.engine.similarQuestions(outsider, SimilarQuery.of("Salary bands",
          "Where are the confidential bands kept?", List.of(), 10))).isEmpty();
      assertThat(f.engine.suggestTags(outsider, "confidential salary bands", 5)).isEmpty();
      assertThat(f.engine.completeTags(outsider, "sal", 5)).isEmpty();
      assertThat(f.engine.activity(outsider, PersonId.of("bo"), PageRequest.first(10)).items())
          .isEmpty();
      assertThat(f.engine.activity(outsider, PersonId.of("cy"), PageRequest.first(10)).items())
          .isEmpty();
    }
  }

  @Test
  void membersAndAdministratorsSeeIt() {
    assertThat(f.engine.thread(CY, secret).answers()).hasSize(1);
    assertThat(f.engine.thread(ADMIN, secret).title()).isEqualTo("Salary bands for the Payroll team");
    assertThat(f.engine.search(CY, "salary bands", 10).hits()).extracting(SearchHit::thread)
        .containsExactly(secret);
    assertThat(f.engine.activity(CY, PersonId.of("bo"), PageRequest.first(10)).items())
        .hasSize(1);
    assertThat(f.engine.similarQuestions(CY, SimilarQuery.of("Salary bands", "", List.of(), 5)))
        .extracting(SearchHit::thread).containsExactly(secret);
    assertThat(f.engine.completeTags(CY, "sal", 5)).extracting(Tag::value)
        .containsExactly("salary");
  }

  @Test
  void nonMembersCannotActOnItEither() {
    long before = f.log.lastSequence();
    assertThatThrownBy(() -> f.engine.execute(ANA, new PostAnswer(secret, "guess")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.engine.execute(ANA, new CastVote(secretAnswer, VoteDirection.UP)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.engine.execute(ANA, new JoinSpace(f.payroll)))
        .isInstanceOf(NotFoundException.class);
    assertThat(f.log.lastSequence()).isEqualTo(before);
  }

  @Test
  void guestsSeeOnlyTheSpacesTheyWereInvitedTo() {
    ThreadId everyone = f.engine.execute(ANA, StartThread.question(f.open,
        "Open question for all", "Anyone?"));
    assertThat(f.engine.spaces(GUS)).isEmpty();
    assertThatThrownBy(() -> f.engine.thread(GUS, everyone)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.engine.execute(GUS, new JoinSpace(f.open)))
        .isInstanceOf(NotFoundException.class);

    f.engine.execute(BO, new SetMemberRole(f.payroll, PersonId.of("gus"), SpaceRole.MEMBER));
    assertThat(f.engine.spaces(GUS)).extracting(Space::id).containsExactly(f.payroll);
    assertThat(f.engine.thread(GUS, secret).title()).isEqualTo("Salary bands for the Payroll team");
    assertThatThrownBy(() -> f.engine.thread(GUS, everyone)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void onlyModeratorsInviteAndOnlyOwnersGrantOwnership() {
    assertThatThrownBy(() -> f.engine.execute(CY, new SetMemberRole(f.payroll,
        PersonId.of("dee"), SpaceRole.MEMBER))).isInstanceOf(ForbiddenException.class);
    f.engine.execute(BO, new SetMemberRole(f.payroll, PersonId.of("cy"), SpaceRole.MODERATOR));
    f.engine.execute(CY, new SetMemberRole(f.payroll, PersonId.of("dee"), SpaceRole.MEMBER));
    assertThatThrownBy(() -> f.engine.execute(CY, new SetMemberRole(f.payroll,
        PersonId.of("dee"), SpaceRole.OWNER))).isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("only owners");
    assertThat(f.engine.members(DEE, f.payroll)).extracting(m -> m.person().value())
        .containsExactly("bo", "cy", "dee");
  }

  @Test
  void anUnknownPersonSeesNothingAndCannotAct() {
    var stranger = io.socialearn.api.Viewer.of("stranger");
    assertThat(f.engine.spaces(stranger)).isEmpty();
    long before = f.log.lastSequence();
    assertThatThrownBy(() -> f.engine.execute(stranger, StartThread.question(f.open,
        "Can I ask this?", "body"))).isInstanceOf(NotFoundException.class)
        .hasMessage("person not found: stranger");
    assertThat(f.log.lastSequence()).isEqualTo(before);
  }
}
