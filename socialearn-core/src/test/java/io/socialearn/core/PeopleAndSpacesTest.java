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
import io.socialearn.api.Viewer;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.JoinSpace;
import io.socialearn.api.command.LeaveSpace;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.RemoveMember;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.command.UpdateProfile;
import io.socialearn.api.event.PersonRegistered;
import io.socialearn.api.people.PersonDirectory;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.people.PersonStatus;
import io.socialearn.api.space.Membership;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SpaceRole;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.log.InMemoryEventLog;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeopleAndSpacesTest {
  private final Fixture f = new Fixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void registeringTwiceIsAConflictAndOnlyAdministratorsRegisterOthers() {
    PersonProfile ana = f.engine.person(DEE, PersonId.of("ana"));
    assertThatThrownBy(() -> f.engine.execute(Viewer.system(), new RegisterPerson(ana)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("registered already");
    PersonProfile eve = PersonProfile.builder(PersonId.of("eve")).displayName("Eve").build();
    assertThatThrownBy(() -> f.engine.execute(ANA, new RegisterPerson(eve)))
        .isInstanceOf(ForbiddenException.class);
    assertThat(f.engine.execute(Viewer.of("eve"), new RegisterPerson(eve))).isEqualTo(eve.id());
  }

  @Test
  void peopleUpdateTheirOwnProfileButNotTheirGuestFlag() {
    PersonProfile ana = f.engine.person(ANA, PersonId.of("ana"));
    PersonProfile leaving = ana.toBuilder().title("Controller")
        .status(PersonStatus.LEAVING, LocalDate.parse("2026-06-30")).build();
    f.engine.execute(ANA, new UpdateProfile(leaving));
    assertThat(f.engine.person(BO, PersonId.of("ana"))).isEqualTo(leaving);
    assertThatThrownBy(() -> f.engine.execute(ANA, new UpdateProfile(leaving.toBuilder()
        .external(true).build()))).isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("external");
    assertThatThrownBy(() -> f.engine.execute(BO, new UpdateProfile(leaving.toBuilder()
        .title("Hacked").build()))).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void aGuestTheDirectoryListsCannotRegisterThemselfAsInternal() {
    PersonProfile zoe = PersonProfile.builder(PersonId.of("zoe")).displayName("Zoe")
        .orgUnit("Partner Inc").external(true).build();
    try (SocialLearningEngine engine = SocialLearningEngine.builder()
        .personDirectory(PersonDirectory.of(List.of(zoe))).eventLog(InMemoryEventLog.create())
        .build()) {
      SpaceId space = engine.execute(Viewer.system(), CreateSpace.community("Company news"));
      long before = engine.lastSequence();
      // As UpdateProfile has it, only administrators change whether a person is external: a
      // guest registering themself as internal would read every organisation-wide space.
      assertThatThrownBy(() -> engine.execute(Viewer.of("zoe"), new RegisterPerson(
          zoe.toBuilder().external(false).build()))).isInstanceOf(ForbiddenException.class)
          .hasMessageContaining("external");
      assertThat(engine.lastSequence()).isEqualTo(before);
      assertThatThrownBy(() -> engine.space(Viewer.of("zoe"), space))
          .isInstanceOf(NotFoundException.class);
      PersonProfile titled = zoe.toBuilder().title("Consultant").build();
      assertThat(engine.execute(Viewer.of("zoe"), new RegisterPerson(titled)))
          .isEqualTo(zoe.id());
      assertThat(engine.person(Viewer.system(), zoe.id())).isEqualTo(titled);
    }
  }

  @Test
  void profilesCheckTheirFields() {
    assertThatThrownBy(() -> PersonProfile.builder(PersonId.of("x")).build())
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("displayName"));
    assertThatThrownBy(() -> PersonId.of("has space"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.rule()).isEqualTo("idCharacters"));
    assertThatThrownBy(() -> PersonProfile.builder(PersonId.of("x")).displayName("X")
        .manager(PersonId.of("x")).build()).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("own manager");
  }

  @Test
  void peopleWhoLeftCannotAct() {
    PersonProfile dee = f.engine.person(DEE, PersonId.of("dee"));
    f.engine.execute(Viewer.system(), new UpdateProfile(dee.toBuilder()
        .status(PersonStatus.LEFT, LocalDate.parse("2026-01-01")).build()));
    assertThatThrownBy(() -> f.engine.execute(DEE, StartThread.question(f.open, "Still here?",
        "body"))).isInstanceOf(ForbiddenException.class).hasMessageContaining("has left");
  }

  @Test
  void theDirectoryIsTheSourceOfPeopleNotYetSeen() {
    PersonProfile fay = PersonProfile.builder(PersonId.of("fay")).displayName("Fay")
        .orgUnit("Legal").skills("contracts").build();
    try (SocialLearningEngine engine = SocialLearningEngine.builder()
        .personDirectory(PersonDirectory.of(List.of(fay))).eventLog(InMemoryEventLog.create())
        .build()) {
      var space = engine.execute(Viewer.system(),
          io.socialearn.api.command.CreateSpace.community("Legal questions"));
      ThreadId q = engine.execute(Viewer.of("fay"), StartThread.question(space,
          "Who signs NDAs here?", "Is it Legal or the manager?", "contracts"));
      assertThat(engine.person(Viewer.of("fay"), PersonId.of("fay"))).isEqualTo(fay);
      assertThat(engine.thread(Viewer.of("fay"), q).summary().author()).isEqualTo(fay.id());
    }
  }

  @Test
  void joiningAndLeavingAnOpenSpaceAndKeepingAnOwner() {
    f.engine.execute(CY, new JoinSpace(f.open));
    assertThatThrownBy(() -> f.engine.execute(CY, new JoinSpace(f.open)))
        .isInstanceOf(ConflictException.class);
    assertThat(f.engine.members(DEE, f.open)).extracting(Membership::role)
        .containsExactly(SpaceRole.OWNER, SpaceRole.MEMBER);
    f.engine.execute(CY, new LeaveSpace(f.open));
    assertThatThrownBy(() -> f.engine.execute(ANA, new LeaveSpace(f.open)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("not a member");
    assertThatThrownBy(() -> f.engine.execute(Fixture.ADMIN, new LeaveSpace(f.open)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("last owner");
    assertThatThrownBy(() -> f.engine.execute(BO, new RemoveMember(f.payroll,
        PersonId.of("bo")))).isInstanceOf(ConflictException.class);
    f.engine.execute(BO, new RemoveMember(f.payroll, PersonId.of("cy")));
    assertThat(f.engine.space(BO, f.payroll).memberCount()).isEqualTo(1);
  }

  @Test
  void aPersonWhoJoinsFromTheDirectoryIsRecordedInTheSameBatch() {
    PersonProfile hal = PersonProfile.builder(PersonId.of("hal")).displayName("Hal").build();
    List<List<Object>> batches = new java.util.ArrayList<>();
    try (SocialLearningEngine engine = SocialLearningEngine.builder()
        .personDirectory(PersonDirectory.of(List.of(hal)))
        .listener(events -> batches.add(List.copyOf(events.stream().map(e -> (Object) e.event())
            .toList())))
        .build()) {
      var space = engine.execute(Viewer.of("hal"),
          io.socialearn.api.command.CreateSpace.community("Hal's corner"));
      assertThat(engine.space(Viewer.of("hal"), space).memberCount()).isEqualTo(1);
    }
    assertThat(batches).hasSize(1);
    assertThat(batches.get(0).get(0)).isInstanceOf(PersonRegistered.class);
    assertThat(batches.get(0)).hasSize(3);
  }
}
