package io.socialearn.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.Viewer;
import io.socialearn.api.command.CloseThread;
import io.socialearn.api.command.DeletePost;
import io.socialearn.api.command.DeleteThread;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.pulse.BacklogQuestion;
import io.socialearn.api.pulse.Contributors;
import io.socialearn.api.pulse.HelpCell;
import io.socialearn.api.pulse.PersonCount;
import io.socialearn.api.pulse.PulseFigures;
import io.socialearn.api.pulse.PulsePeriod;
import io.socialearn.api.pulse.PulseReport;
import io.socialearn.api.pulse.PulseScope;
import io.socialearn.api.pulse.RoutingOutcomes;
import io.socialearn.api.pulse.TopicTrend;
import io.socialearn.api.pulse.UnansweredTopic;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every headline figure of a pulse on a small history worked out by hand. The period is February
 * 2026 (28 days); the previous period is 4 to 31 January.
 *
 * <pre>
 * previous  qA Jan 10 ana [tax]   answered +30m by bo, accepted
 *           qB Jan 20 ana [tax]   answered Feb 2 by bo (so unanswered at the previous end)
 * current   q1 Feb 1 10:00 ana [payroll]  dee +10m, eve +60m (accepted at 12:00)
 *           q2 Feb 3 cy   [payroll]  fay +120m
 *           q3 Feb 5 cy   [payroll]  gil +20m (deleted Feb 6), fay +240m
 *           q4 Feb 7 hal  [payroll]  unanswered: backlog
 *           q5 Feb 9 hal  [tax]      unanswered, closed: not backlog
 *           q6 Feb 10 hal [tax]      answered Mar 2 by ivy: backlog at the period's end
 *           q7 Feb 11 jon [tax]      deleted: not counted at all
 * </pre>
 */
class PulseFiguresTest {
  static final PulsePeriod FEBRUARY = PulsePeriod.of(Instant.parse("2026-02-01T00:00:00Z"),
      Instant.parse("2026-03-01T00:00:00Z"));

  World world;
  ThreadId q4;
  ThreadId q6;

  @BeforeEach
  void history() {
    world = new World(new PulsePrivacy(1, true));
    for (String p : List.of("ana", "bo", "cy", "dee", "eve", "fay", "gil", "hal", "ivy", "jon")) {
      world.person(p, "");
    }
    ThreadId qa = world.ask("2026-01-10T00:00:00Z", "ana", "Question A", "tax");
    PostId qaAnswer = world.answer("2026-01-10T00:30:00Z", "bo", qa);
    world.accept("2026-01-10T01:00:00Z", "ana", qaAnswer);
    ThreadId qb = world.ask("2026-01-20T00:00:00Z", "ana", "Question B", "tax");
    ThreadId q1 = world.ask("2026-02-01T10:00:00Z", "ana", "Question 1", "payroll");
    world.answer("2026-02-01T10:10:00Z", "dee", q1);
    PostId eve = world.answer("2026-02-01T11:00:00Z", "eve", q1);
    world.accept("2026-02-01T12:00:00Z", "ana", eve);
    world.answer("2026-02-02T00:00:00Z", "bo", qb);
    ThreadId q2 = world.ask("2026-02-03T00:00:00Z", "cy", "Question 2", "payroll");
    world.answer("2026-02-03T02:00:00Z", "fay", q2);
    ThreadId q3 = world.ask("2026-02-05T00:00:00Z", "cy", "Question 3", "payroll");
    PostId gil = world.answer("2026-02-05T00:20:00Z", "gil", q3);
    world.answer("2026-02-05T04:00:00Z", "fay", q3);
    world.at("2026-02-06T00:00:00Z").engine.execute(Viewer.system(), new DeletePost(gil, "spam"));
    q4 = world.ask("2026-02-07T00:00:00Z", "hal", "Question 4", "payroll");
    ThreadId q5 = world.ask("2026-02-09T00:00:00Z", "hal", "Question 5", "tax");
    world.at("2026-02-09T01:00:00Z").engine.execute(Viewer.system(), new CloseThread(q5, "unclear"));
    q6 = world.ask("2026-02-10T00:00:00Z", "hal", "Question 6", "tax");
    ThreadId q7 = world.ask("2026-02-11T00:00:00Z", "jon", "Question 7", "tax");
    world.at("2026-02-12T00:00:00Z").engine.execute(Viewer.system(), new DeleteThread(q7, "spam"));
    world.answer("2026-03-02T00:00:00Z", "ivy", q6);
  }

  @AfterEach
  void close() {
    world.close();
  }

  PulseReport report() {
    return world.engine.pulse(World.ADMIN, PulseScope.organisation(), FEBRUARY);
  }

  @Test
  void headlineFiguresOfThePeriod() {
    PulseFigures f = report().current();
    assertThat(f.questions()).isEqualTo(6);
    assertThat(f.answered()).isEqualTo(3);
    assertThat(f.answeredShare()).isEqualTo(0.5);
    assertThat(f.accepted()).isEqualTo(1);
    assertThat(f.acceptedShare()).isEqualTo(1.0 / 6);
    // First answers 10 (q1), 120 (q2), 240 (q3: the 20-minute answer was deleted) minutes.
    assertThat(f.medianFirstAnswerMinutes()).isEqualTo(120.0);
    assertThat(f.p90FirstAnswerMinutes()).isEqualTo(240.0);
    // q1's accepted answer was posted 60 minutes after it.
    assertThat(f.medianAcceptedAnswerMinutes()).isEqualTo(60.0);
    assertThat(f.p90AcceptedAnswerMinutes()).isEqualTo(60.0);
    // dee, eve, bo (on qB), fay twice; gil's was deleted and ivy's came in March.
    assertThat(f.answers()).isEqualTo(5);
    assertThat(f.backlog()).isEqualTo(2);
  }

  @Test
  void previousPeriodAsKnownAtItsEnd() {
    PulseReport report = report();
    assertThat(report.previousPeriod()).isEqualTo(PulsePeriod.of(
        Instant.parse("2026-01-04T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")));
    PulseFigures f = report.previous();
    assertThat(f).isEqualTo(new PulseFigures(2, 1, 0.5, 1, 0.5, 30.0, 30.0, 30.0, 30.0, 1, 1,
        RoutingOutcomes.none()));
  }

  @Test
  void backlogOldestFirstWithWaitingTime() {
    List<BacklogQuestion> backlog = report().backlog();
    assertThat(backlog).extracting(BacklogQuestion::thread).containsExactly(q4, q6);
    // Waits end on March 1: 22 and 19 days.
    assertThat(backlog).extracting(BacklogQuestion::waitingMinutes)
        .containsExactly(22 * 1440L, 19 * 1440L);
    assertThat(backlog.get(0).title()).isEqualTo("Question 4");
    assertThat(backlog.get(0).tags()).containsExactly(Tag.of("payroll"));
  }

  @Test
  void topicsTrendingAndUnanswered() {
    PulseReport report = report();
    // History starts in the previous period, so the baseline is that one period: payroll 0, tax 2.
    assertThat(report.trendingTopics()).containsExactly(
        new TopicTrend(Tag.of("payroll"), 4, 0.0, 4.0, 4.0, 4.0));
    // payroll: 4 questions, q4 unanswered; tax has only 2 questions in February.
    assertThat(report.unansweredTopics()).containsExactly(
        new UnansweredTopic(Tag.of("payroll"), 4, 1, 0.25));
  }

  @Test
  void contributorsAndConcentration() {
    Contributors c = report().contributors();
    // Askers ana, cy, hal; answerers bo, dee, eve, fay. ana and bo began in January.
    assertThat(c.active()).isEqualTo(7);
    assertThat(c.newcomers()).isEqualTo(5);
    assertThat(c.returning()).isEqualTo(2);
    assertThat(c.answerers()).isEqualTo(4);
    assertThat(c.answers()).isEqualTo(5);
    assertThat(c.topFiveShare()).isEqualTo(1.0);
    // fay's 2 and bo's 1 make 3 of 5.
    assertThat(c.peopleForHalfOfAnswers()).isEqualTo(2);
    assertThat(c.topAnswerers()).containsExactly(new PersonCount(PersonId.of("fay"), 2),
        new PersonCount(PersonId.of("bo"), 1), new PersonCount(PersonId.of("dee"), 1),
        new PersonCount(PersonId.of("eve"), 1));
    Contributors before = report().previousContributors();
    assertThat(before.active()).isEqualTo(2);
    assertThat(before.newcomers()).isEqualTo(2);
    assertThat(before.returning()).isZero();
  }

  @Test
  void peopleWithoutUnitsMakeOneUnassignedCell() {
    PulseReport report = report();
    assertThat(report.help().cells()).containsExactly(new HelpCell("unassigned", "unassigned", 5,
        4));
    assertThat(report.help().crossUnitShare()).isNull();
  }

  @Test
  void aSpaceScopeCountsTheSameHereAndOnlyReadableThreadsCount() {
    PulseReport inSpace = world.engine.pulse(World.ADMIN, PulseScope.space(world.space),
        FEBRUARY);
    assertThat(inSpace.current()).isEqualTo(report().current());
    assertThat(inSpace.lastSequence()).isEqualTo(world.engine.lastSequence());
  }

  @Test
  void anEmptyPeriodHasNoRatesAndNoTrends() {
    PulseReport report = world.engine.pulse(World.ADMIN, PulseScope.organisation(),
        PulsePeriod.of(Instant.parse("2024-01-01T00:00:00Z"),
            Instant.parse("2024-02-01T00:00:00Z")));
    assertThat(report.current()).isEqualTo(new PulseFigures(0, 0, null, 0, null, null, null,
        null, null, 0, 0, RoutingOutcomes.none()));
    assertThat(report.trendingTopics()).isEmpty();
    assertThat(report.contributors().topFiveShare()).isNull();
  }

  @Test
  void viewersSeeOnlyTheirOwnPersonalFigures() {
    PulseReport asFay = world.engine.pulse(Viewer.of("fay"), PulseScope.organisation(), FEBRUARY);
    assertThat(asFay.contributors().topAnswerers()).containsExactly(
        new PersonCount(PersonId.of("fay"), 2));
    assertThat(asFay.contributors().personalFiguresShown()).isFalse();
    PulseReport asCy = world.engine.pulse(Viewer.of("cy"), PulseScope.organisation(), FEBRUARY);
    assertThat(asCy.contributors().topAnswerers()).isEmpty();
    assertThat(asCy.current()).isEqualTo(report().current());
  }
}
