package io.socialearn.core;

import static io.socialearn.core.Fixture.ADMIN;
import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static io.socialearn.core.Fixture.DEE;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.command.DeletePost;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.expertise.ExpertCandidate;
import io.socialearn.api.expertise.WhoKnowsQuery;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.core.reputation.TrustPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deleting all of someone's answers takes back everything they added. */
class DeletedEvidenceTest {
  @Test
  void someoneWhoseAnswersWereAllDeletedIsNotSuggested() {
    try (Fixture f = new Fixture()) {
      ThreadId q1 = f.engine.execute(ANA, StartThread.question(f.open,
          "How is overtime taxed?", "Which table?", "payroll"));
      PostId a1 = f.engine.execute(DEE, new PostAnswer(q1, "Spam spam spam"));
      f.clock.advance(Duration.ofMinutes(1));
      ThreadId q2 = f.engine.execute(ANA, StartThread.question(f.open,
          "When is payroll run?", "Which day?", "payroll"));
      PostId a2 = f.engine.execute(DEE, new PostAnswer(q2, "More spam"));
      f.clock.advance(Duration.ofMinutes(5));
      f.engine.execute(ADMIN, new DeletePost(a1, "spam"));
      f.engine.execute(ADMIN, new DeletePost(a2, "spam"));

      assertThat(f.engine.explain(BO, PersonId.of("dee"), Tag.of("payroll")).evidence())
          .isEmpty();
      assertThat(f.engine.expertise(BO, PersonId.of("dee"))).isEmpty();
      List<ExpertCandidate> who = f.engine.whoKnows(BO,
          WhoKnowsQuery.topics(Tag.of("payroll")));
      assertThat(who).as("who knows payroll: %s", who)
          .noneMatch(c -> c.person().equals(PersonId.of("dee")));
    }
  }

  @Test
  void aQuestionIsNotRoutedToSomeoneWhoseAnswersWereAllDeleted() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    try (SocialLearningEngine engine = SocialLearningEngine.builder().clock(clock)
        .routing(RoutingPolicy.suggest(3, 5)).trustPolicy(TrustPolicy.rolesOnly())
        .writeRateLimit(WriteRateLimit.unlimited()).build()) {
      for (String id : List.of("ana", "bo", "dee", "root")) {
        engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(PersonId.of(id))
            .displayName(id).build()));
      }
      SpaceId space = engine.execute(Viewer.system(), CreateSpace.community("Money"));
      ThreadId q1 = engine.execute(ANA, StartThread.question(space,
          "How is overtime taxed?", "Which table?", "payroll"));
      PostId a1 = engine.execute(DEE, new PostAnswer(q1, "Spam spam spam"));
      clock.advance(Duration.ofMinutes(1));
      ThreadId q2 = engine.execute(ANA, StartThread.question(space,
          "When is payroll run?", "Which day?", "payroll"));
      PostId a2 = engine.execute(DEE, new PostAnswer(q2, "More spam"));
      clock.advance(Duration.ofMinutes(5));
      engine.execute(ADMIN, new DeletePost(a1, "spam"));
      engine.execute(ADMIN, new DeletePost(a2, "spam"));

      ThreadId asked = engine.execute(BO, StartThread.question(space,
          "Payroll cut-off date?", "When is the cut-off?", "payroll"));
      assertThat(engine.routedTo(BO, asked)).as("routed to")
          .doesNotContain(PersonId.of("dee"));
    }
  }
}
