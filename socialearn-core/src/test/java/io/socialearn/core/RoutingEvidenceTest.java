package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialearn.api.NotFoundException;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.SetMemberRole;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.event.QuestionRouted;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SpaceKind;
import io.socialearn.api.space.SpaceRole;
import io.socialearn.api.space.SpaceVisibility;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.reputation.TrustPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who a question is routed to, which anyone who reads the question may see, is decided by
 * evidence they may all see: the organisation's spaces and the question's own.
 */
class RoutingEvidenceTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
  private final List<RecordedEvent> heard = new ArrayList<>();

  @Test
  void whomAPublicQuestionWasRoutedToIsNotDecidedByMembersOnlyEvidence() {
    try (SocialLearningEngine engine = SocialLearningEngine.builder().clock(clock)
        .routing(RoutingPolicy.suggest(3, 5)).trustPolicy(TrustPolicy.rolesOnly())
        .writeRateLimit(WriteRateLimit.unlimited()).listener(heard::addAll).build()) {
      for (String id : List.of("ana", "bo", "cy", "dee")) {
        engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(
            PersonId.of(id)).displayName(id).build()));
      }
      SpaceId open = engine.execute(Viewer.system(), CreateSpace.community("Money"));
      SpaceId secret = engine.execute(Viewer.of("bo"), new CreateSpace("Payroll pilot",
          "pilot", SpaceKind.DEPARTMENT, SpaceVisibility.MEMBERS_ONLY));
      engine.execute(Viewer.of("bo"), new SetMemberRole(secret, PersonId.of("cy"),
          SpaceRole.MEMBER));
      // Cy's only payroll evidence is in the members-only pilot.
      for (int i = 0; i < 3; i++) {
        ThreadId q = engine.execute(Viewer.of("bo"), StartThread.question(secret,
            "Pilot payroll question " + i, "How does the payroll run work?", "payroll"));
        PostId a = engine.execute(Viewer.of("cy"), new PostAnswer(q,
            "The payroll run works like this."));
        engine.execute(Viewer.of("bo"), new AcceptAnswer(a));
      }
      clock.advance(Duration.ofDays(1));
      // Bo, a pilot member, asks in the open space, which Ana reads.
      ThreadId open1 = engine.execute(Viewer.of("bo"), StartThread.question(open,
          "When is the payroll run?", "I need the payroll date.", "payroll"));
      // What Ana can see names nobody for payroll ...
      assertThat(engine.whoKnows(Viewer.of("ana"),
          io.socialearn.api.expertise.WhoKnowsQuery.topics(
              io.socialearn.api.thread.Tag.of("payroll"))))
          .extracting(c -> c.person().value()).doesNotContain("cy");
      // ... and so the routing record Ana may read does not name Cy either.
      assertThat(engine.routedTo(Viewer.of("ana"), open1)).doesNotContain(PersonId.of("cy"));
      assertThat(engine.suggestAnswerers(Viewer.of("bo"), open1, 5))
          .extracting(ExpertCandidate::person).doesNotContain(PersonId.of("cy"));
      // A question in the pilot itself is routed on the pilot's evidence: to Cy.
      ThreadId pilot = engine.execute(Viewer.of("bo"), StartThread.question(secret,
          "When is the pilot payroll run?", "I need the pilot's payroll date.", "payroll"));
      assertThat(engine.routedTo(Viewer.of("bo"), pilot)).containsExactly(PersonId.of("cy"));
      assertThat(heard.stream().map(RecordedEvent::event)
          .filter(QuestionRouted.class::isInstance).map(QuestionRouted.class::cast)
          .filter(r -> r.thread().equals(pilot)).flatMap(r -> r.people().stream()).toList())
          .containsExactly(PersonId.of("cy"));
    }
  }
}
