package io.socialearn.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.ConfigureSpace;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.DeletePost;
import io.socialearn.api.command.LinkAccounts;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.expertise.ExpertiseMix;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.pulse.PulseFigures;
import io.socialearn.api.pulse.PulseReport;
import io.socialearn.api.pulse.PulseScope;
import io.socialearn.api.pulse.RoutingOutcomes;
import io.socialearn.api.space.SpaceFeatures;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.RoutingPolicy;
import io.socialearn.core.json.SocialearnJson;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing outcomes in the pulse, worked out by hand. Bo has answered payroll, Cy tax, since
 * December; the engine routes each new question to the one person who knows its tag best. The
 * period is February 2026, the previous one 4 to 31 January.
 *
 * <pre>
 * previous  q0 Jan 30 ana [payroll] asked bo; bo answers Feb 2 (unanswered at the previous end)
 * current   q1 Feb 2  ana [payroll] asked bo; bo +30m, accepted
 *           q2 Feb 3  ana [tax]     asked cy; dee +10m (accepted), cy +90m
 *           q3 Feb 4  ana [payroll] asked bo; unanswered
 *           q4 Feb 5  ana [tax]     asked cy; eve +20m; cy +5m, deleted
 *           q5 Feb 6  ana [tax]     the space turned routing off: not routed; eve +15m
 * </pre>
 */
class RoutingOutcomesTest {
  private static final PersonId BO = PersonId.of("bo");
  private static final PersonId CY = PersonId.of("cy");
  private static final ExpertiseMix TAG_ONLY =
      new ExpertiseMix(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  @TempDir
  Path directory;

  /** Builds the history above in {@code world}; returns q0 to q5. */
  private static List<ThreadId> history(World world) {
    for (String p : List.of("ana", "bo", "cy", "dee", "eve")) {
      world.person(p, "");
    }
    for (int day = 1; day <= 3; day++) {
      ThreadId payroll = world.ask("2025-12-0" + day + "T09:00:00Z", "dee",
          "How does payroll run " + day, "payroll");
      world.accept("2025-12-0" + day + "T11:00:00Z", "dee",
          world.answer("2025-12-0" + day + "T10:00:00Z", "bo", payroll));
      ThreadId tax = world.ask("2025-12-0" + day + "T12:00:00Z", "eve",
          "Which tax form is it " + day, "tax");
      world.accept("2025-12-0" + day + "T14:00:00Z", "eve",
          world.answer("2025-12-0" + day + "T13:00:00Z", "cy", tax));
    }
    ThreadId q0 = world.ask("2026-01-30T09:00:00Z", "ana", "Payroll zero", "payroll");
    world.answer("2026-02-02T08:00:00Z", "bo", q0);
    ThreadId q1 = world.ask("2026-02-02T09:00:00Z", "ana", "Payroll one", "payroll");
    world.accept("2026-02-02T10:00:00Z", "ana",
        world.answer("2026-02-02T09:30:00Z", "bo", q1));
    ThreadId q2 = world.ask("2026-02-03T09:00:00Z", "ana", "Tax two", "tax");
    world.accept("2026-02-03T12:00:00Z", "ana",
        world.answer("2026-02-03T09:10:00Z", "dee", q2));
    world.answer("2026-02-03T10:30:00Z", "cy", q2);
    ThreadId q3 = world.ask("2026-02-04T09:00:00Z", "ana", "Payroll three", "payroll");
    ThreadId q4 = world.ask("2026-02-05T09:00:00Z", "ana", "Tax four", "tax");
    PostId deleted = world.answer("2026-02-05T09:05:00Z", "cy", q4);
    world.at("2026-02-05T09:06:00Z").engine.execute(Viewer.system(),
        new DeletePost(deleted, "wrong"));
    world.answer("2026-02-05T09:20:00Z", "eve", q4);
    world.at("2026-02-06T08:00:00Z").engine.execute(Viewer.system(),
        new ConfigureSpace(world.space, SpaceFeatures.all().withRouting(false)));
    ThreadId q5 = world.ask("2026-02-06T09:00:00Z", "ana", "Tax five", "tax");
    world.answer("2026-02-06T09:15:00Z", "eve", q5);
    return List.of(q0, q1, q2, q3, q4, q5);
  }

  /**
   * An engine that routes by evidence in the question's tag alone, so that who is asked is plain
   * from the history (the default mix also weighs who answered lately, here anyone).
   */
  private static World routed(PulsePrivacy privacy, Path directory) {
    World world = new World(privacy, directory, RoutingPolicy.suggest(1, 10));
    world.engine.useExpertiseMix(TAG_ONLY);
    return world;
  }

  private static PulseReport february(World world) {
    return world.engine.pulse(World.ADMIN, PulseScope.organisation(), PulseFiguresTest.FEBRUARY);
  }

  @Test
  void eachPeriodCountsItsRoutedQuestionsAsKnownAtItsEnd() {
    try (World world = routed(new PulsePrivacy(1, true), null)) {
      List<ThreadId> q = history(world);
      // The premise: who was asked is who knows the tag, until routing was turned off.
      assertThat(q).extracting(thread -> world.engine.routedTo(World.ADMIN, thread))
          .containsExactly(List.of(BO), List.of(BO), List.of(CY), List.of(BO), List.of(CY),
              List.of());

      PulseReport report = february(world);
      PulseFigures current = report.current();
      assertThat(current.questions()).isEqualTo(5);
      // q1 to q4 were routed, all to one person; q5 was not.
      // Answered: q1, q2, q4. By the one asked: q1 (30 minutes), q2 (90); cy's on q4 was
      // deleted. Accepted from them: q1; q2's accepted answer is dee's, who was not asked.
      assertThat(current.routing()).isEqualTo(new RoutingOutcomes(4, 3, 0.75, 2, 0.5, 1, 0.25,
          60.0, 90.0, 4, 2, 2, 0.5));
      // At January's end q0 had been routed to bo and was still unanswered.
      assertThat(report.previous().routing()).isEqualTo(new RoutingOutcomes(1, 0, 0.0, 0, 0.0,
          0, 0.0, null, null, 1, 1, 0, 0.0));
    }
  }

  @Test
  void fewerPeopleAskedThanTheMinimumGroupHideWhatTheAskedDid() {
    try (World world = routed(new PulsePrivacy(3, true), null)) {
      history(world);
      RoutingOutcomes r = february(world).current().routing();
      // Two people were asked: how many requests they answered, which questions they answered
      // or had accepted and how soon would be their own rates (with one asked, exactly one's).
      assertThat(r.peopleAsked()).isEqualTo(2);
      assertThat(r).isEqualTo(new RoutingOutcomes(4, 3, 0.75, null, null, null, null, null, null,
          4, 2, null, null));
    }
    try (World world = routed(new PulsePrivacy(2, true), null)) {
      history(world);
      assertThat(february(world).current().routing()).isEqualTo(new RoutingOutcomes(4, 3, 0.75,
          2, 0.5, 1, 0.25, 60.0, 90.0, 4, 2, 2, 0.5));
    }
  }

  @Test
  void linkedAccountsAskedAreOnePersonAskedOnce() {
    try (World world = new World(new PulsePrivacy(1, true), null, RoutingPolicy.suggest(2, 10))) {
      world.engine.useExpertiseMix(TAG_ONLY);
      for (String p : List.of("root", "ana", "bo", "bo2", "dee")) {
        world.person(p, "");
      }
      for (int day = 1; day <= 2; day++) {
        ThreadId q = world.ask("2025-12-0" + day + "T09:00:00Z", "dee",
            "How does payroll run " + day, "payroll");
        world.accept("2025-12-0" + day + "T11:00:00Z", "dee",
            world.answer("2025-12-0" + day + "T10:00:00Z", day == 1 ? "bo" : "bo2", q));
      }
      // Asked before the two accounts were known to be one person's: each question went to both.
      ThreadId q1 = world.ask("2026-02-02T09:00:00Z", "ana", "Payroll one", "payroll");
      world.accept("2026-02-02T10:00:00Z", "ana",
          world.answer("2026-02-02T09:30:00Z", "bo2", q1));
      ThreadId q2 = world.ask("2026-02-03T09:00:00Z", "ana", "Payroll two", "payroll");
      world.answer("2026-02-03T09:45:00Z", "bo", q2);
      for (ThreadId q : List.of(q1, q2)) {
        assertThat(world.engine.routedTo(World.ADMIN, q))
            .containsExactlyInAnyOrder(BO, PersonId.of("bo2"));
      }
      world.at("2026-02-10T00:00:00Z").engine.execute(World.ADMIN,
          new LinkAccounts(BO, PersonId.of("bo2")));
      // Asked after: one of the two accounts (and dee, who asked about payroll), and bo's other
      // account answers.
      ThreadId q3 = world.ask("2026-02-11T09:00:00Z", "ana", "Payroll three", "payroll");
      List<PersonId> askedQ3 = world.engine.routedTo(World.ADMIN, q3);
      assertThat(askedQ3).hasSize(2).contains(PersonId.of("dee"));
      String other = askedQ3.contains(BO) ? "bo2" : "bo";
      world.accept("2026-02-11T10:00:00Z", "ana",
          world.answer("2026-02-11T09:20:00Z", other, q3));

      // Bo asked three times, who answered each (30, 45 and 20 minutes) and had q1's and q3's
      // answers accepted; dee asked once: 4 requests to 2 people, 3 of them answered.
      assertThat(february(world).current().routing()).isEqualTo(new RoutingOutcomes(3, 3, 1.0,
          3, 1.0, 2, 2.0 / 3, 30.0, 45.0, 4, 2, 3, 0.75));
    }
  }

  @Test
  void withoutRoutingNothingIsRoutedAndEveryRateIsNull() {
    try (World world = new World(new PulsePrivacy(1, true))) {
      history(world);
      PulseReport report = february(world);
      assertThat(report.current().routing()).isEqualTo(RoutingOutcomes.none());
      assertThat(report.previous().routing()).isEqualTo(RoutingOutcomes.none());
      assertThat(report.current().questions()).isEqualTo(5);
    }
  }

  @Test
  void aSpaceScopeCountsOnlyItsOwnRoutedQuestions() {
    try (World world = routed(new PulsePrivacy(1, true), null)) {
      history(world);
      SpaceId other = world.engine.execute(Viewer.system(), CreateSpace.community("Other"));
      world.at("2026-02-10T09:00:00Z").engine.execute(Viewer.of("ana"),
          StartThread.question(other, "Payroll elsewhere", "A payroll body", "payroll"));
      assertThat(february(world).current().routing().routed()).isEqualTo(5);
      RoutingOutcomes here = world.engine.pulse(World.ADMIN, PulseScope.space(world.space),
          PulseFiguresTest.FEBRUARY).current().routing();
      assertThat(here.routed()).isEqualTo(4);
      RoutingOutcomes there = world.engine.pulse(World.ADMIN, PulseScope.space(other),
          PulseFiguresTest.FEBRUARY).current().routing();
      assertThat(there).isEqualTo(new RoutingOutcomes(1, 0, 0.0, 0, 0.0, 0, 0.0, null, null, 1,
          1, 0, 0.0));
    }
  }

  @Test
  void theOutcomesRoundTripThroughJsonAndAreRowsOfTheFiguresCsv() throws Exception {
    try (World world = routed(new PulsePrivacy(3, true), null)) {
      history(world);
      PulseReport report = february(world);
      ObjectMapper mapper = SocialearnJson.newMapper();
      String json = mapper.writeValueAsString(report);
      assertThat(mapper.readValue(json, PulseReport.class)).isEqualTo(report);
      assertThat(json).contains("\"routing\":{\"routed\":4,");
      // Hidden for privacy: an empty field, as every absent figure.
      assertThat(PulseCsv.figures(report)).contains("\r\nrouted,4,1\r\n")
          .contains("\r\nrouted_answered_share,0.75,0.0\r\n")
          .contains("\r\nrouted_answered_by_asked_share,,\r\n")
          .contains("\r\nmedian_asked_answer_minutes,,\r\n")
          .contains("\r\nasks_answered,,\r\n");
    }
  }

  @Test
  void aRestartFromASnapshotReportsTheSame() {
    PulseReport before;
    try (World world = routed(new PulsePrivacy(1, true), directory)) {
      history(world);
      before = february(world);
    }
    try (World again = routed(new PulsePrivacy(1, true), directory)) {
      PulseReport after = february(again);
      assertThat(after).isEqualTo(before);
      assertThat(after.current().routing().routed()).isEqualTo(4);
    }
  }
}
