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
import io.socialearn.api.command.AddToSession;
import io.socialearn.api.command.CastVote;
import io.socialearn.api.command.RemoveMember;
import io.socialearn.api.command.ScheduleSession;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.command.UpdateProfile;
import io.socialearn.api.Viewer;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.people.PersonStatus;
import io.socialearn.api.space.ExpertSession;
import io.socialearn.api.space.SessionId;
import io.socialearn.api.space.SessionState;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.ThreadSummary;
import io.socialearn.api.thread.VoteDirection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExpertSessionTest {
  private final Fixture f = new Fixture();
  private final Instant start = f.clock.instant().plus(Duration.ofDays(1));

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void questionsAskedInAdvanceAndLiveAreRankedByVotesAndStayMarkedAfterwards() {
    SessionId session = f.engine.execute(Fixture.ADMIN, new ScheduleSession(f.open,
        PersonId.of("bo"), "Ask Bo about payroll", start, start.plus(Duration.ofHours(2))));
    ThreadId early = f.engine.execute(ANA, StartThread.question(f.open, "Payroll cut-off dates",
        "When is the cut-off?"));
    f.engine.execute(ANA, new AddToSession(session, early));
    assertThat(f.engine.expertSession(CY, session).state()).isEqualTo(SessionState.SCHEDULED);

    f.clock.advance(Duration.ofDays(1).plusMinutes(10));
    ThreadId live = f.engine.execute(DEE, StartThread.question(f.open, "Overtime in payroll",
        "How is overtime paid?"));
    f.engine.execute(DEE, new AddToSession(session, live));
    f.engine.execute(CY, new CastVote(live, VoteDirection.UP));
    ExpertSession during = f.engine.expertSession(CY, session);
    assertThat(during.state()).isEqualTo(SessionState.LIVE);
    assertThat(during.expert().value()).isEqualTo("bo");
    assertThat(during.questions()).extracting(ThreadSummary::id).containsExactly(live, early);

    f.clock.advance(Duration.ofHours(3));
    assertThat(f.engine.expertSession(CY, session).state()).isEqualTo(SessionState.ENDED);
    ThreadId late = f.engine.execute(ANA, StartThread.question(f.open, "Late payroll question",
        "Too late?"));
    assertThatThrownBy(() -> f.engine.execute(ANA, new AddToSession(session, late)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("has ended");
    assertThat(f.engine.sessionOf(CY, live)).contains(session);
    assertThat(f.engine.sessionOf(CY, late)).isEmpty();
    assertThat(f.engine.search(CY, "overtime", 5).hits()).isNotEmpty();
  }

  @Test
  void onlyModeratorsScheduleForAnExpertWhoCanReadTheSpace() {
    assertThatThrownBy(() -> f.engine.execute(ANA, new ScheduleSession(f.open,
        PersonId.of("bo"), "Ask Bo anything", start, start.plusSeconds(3600))))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> f.engine.execute(BO, new ScheduleSession(f.payroll,
        PersonId.of("dee"), "Ask Dee anything", start, start.plusSeconds(3600))))
        .isInstanceOf(ConflictException.class).hasMessageContaining("cannot read space");
    assertThatThrownBy(() -> f.engine.execute(BO, new ScheduleSession(f.payroll,
        PersonId.of("cy"), "Ask Cy anything", start, start.minusSeconds(1))))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.rule()).isEqualTo("afterStart"));
    SessionId hidden = f.engine.execute(BO, new ScheduleSession(f.payroll, PersonId.of("cy"),
        "Ask Cy about the pilot", start, start.plusSeconds(3600)));
    assertThatThrownBy(() -> f.engine.expertSession(ANA, hidden))
        .isInstanceOf(NotFoundException.class);
    ThreadId elsewhere = f.engine.execute(BO, StartThread.question(f.open, "Open space question",
        "?"));
    assertThatThrownBy(() -> f.engine.execute(BO, new AddToSession(hidden, elsewhere)))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.rule()).isEqualTo("sessionSpace"));
  }

  @Test
  void noQuestionIsPutToASessionWhoseExpertHasGoneSinceItWasScheduled() {
    SessionId open = f.engine.execute(Fixture.ADMIN, new ScheduleSession(f.open,
        PersonId.of("bo"), "Ask Bo about payroll", start, start.plus(Duration.ofHours(2))));
    SessionId pilot = f.engine.execute(BO, new ScheduleSession(f.payroll, PersonId.of("cy"),
        "Ask Cy about the pilot", start, start.plus(Duration.ofHours(2))));
    ThreadId first = f.engine.execute(ANA, StartThread.question(f.open, "Payroll cut-off dates",
        "When is the cut-off?"));
    f.engine.execute(ANA, new AddToSession(open, first));
    ThreadId second = f.engine.execute(BO, StartThread.question(f.payroll, "Pilot timesheets",
        "Who approves them?"));
    f.engine.execute(BO, new AddToSession(pilot, second));

    f.engine.execute(BO, new RemoveMember(f.payroll, PersonId.of("cy")));
    ThreadId afterRemoval = f.engine.execute(BO, StartThread.question(f.payroll,
        "Pilot overtime", "Is overtime in the pilot?"));
    assertThatThrownBy(() -> f.engine.execute(BO, new AddToSession(pilot, afterRemoval)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("cy cannot read space");
    assertThat(f.engine.sessionOf(BO, afterRemoval)).isEmpty();
    assertThat(f.engine.expertSession(BO, pilot).questions()).extracting(ThreadSummary::id)
        .containsExactly(second);

    PersonProfile bo = f.engine.person(Viewer.system(), PersonId.of("bo"));
    f.engine.execute(Viewer.system(), new UpdateProfile(bo.toBuilder()
        .status(PersonStatus.LEFT, LocalDate.of(2026, 1, 2)).build()));
    ThreadId afterLeaving = f.engine.execute(ANA, StartThread.question(f.open,
        "Payroll after Bo", "Who runs it now?"));
    assertThatThrownBy(() -> f.engine.execute(ANA, new AddToSession(open, afterLeaving)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("bo has left the organisation");
    assertThat(f.engine.sessionOf(CY, afterLeaving)).isEmpty();
    assertThat(f.engine.expertSession(CY, open).questions()).extracting(ThreadSummary::id)
        .containsExactly(first);
  }
}
