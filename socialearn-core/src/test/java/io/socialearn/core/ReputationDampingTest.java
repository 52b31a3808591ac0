package io.socialearn.core;

import static io.socialearn.core.Fixture.ADMIN;
import static io.socialearn.core.Fixture.ANA;
import static io.socialearn.core.Fixture.BO;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.command.UnacceptAnswer;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.spi.IdGenerator;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.log.InMemoryEventLog;
import io.socialearn.core.reputation.ReputationRules;
import io.socialearn.core.reputation.TrustPolicy;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Under the workplace rules, which damp accepts within a reciprocal pair, revoking an accept
 * leaves both people as if it had never counted: the pair's later accepts are weighed afresh.
 */
class ReputationDampingTest {
  private static SocialLearningEngine workplace(MutableClock clock) {
    SocialLearningEngine engine = SocialLearningEngine.builder().clock(clock)
        .idGenerator(IdGenerator.sequential()).eventLog(InMemoryEventLog.create())
        .writeRateLimit(WriteRateLimit.unlimited()).trustPolicy(TrustPolicy.rolesOnly())
        .reputationRules(ReputationRules.workplace()).build();
    for (String id : new String[] {"ana", "bo", "root"}) {
      engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(PersonId.of(id))
          .displayName(id).orgUnit("X").build()));
    }
    return engine;
  }

  private static ThreadId accept(SocialLearningEngine engine, SpaceId space, Viewer asker,
      Viewer answerer, int n) {
    ThreadId q = engine.execute(asker, StartThread.question(space, "Question number " + n, "?"));
    PostId a = engine.execute(answerer, new PostAnswer(q, "answer " + n));
    engine.execute(asker, new AcceptAnswer(a));
    return q;
  }

  @Test
  void revokingAnAcceptRestoresReputationAsIfItHadNeverCounted() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    int anaRevoked;
    int boRevoked;
    try (SocialLearningEngine engine = workplace(clock)) {
      SpaceId space = engine.execute(ADMIN, CreateSpace.community("Everyone"));
      ThreadId first = accept(engine, space, ANA, BO, 0);
      accept(engine, space, ANA, BO, 1);
      accept(engine, space, ANA, BO, 2);
      accept(engine, space, BO, ANA, 3);
      accept(engine, space, BO, ANA, 4);
      accept(engine, space, BO, ANA, 5);
      engine.execute(ANA, new UnacceptAnswer(first));
      anaRevoked = engine.reputation(Viewer.system(), ANA.person()).score().points();
      boRevoked = engine.reputation(Viewer.system(), BO.person()).score().points();
    }
    try (SocialLearningEngine engine = workplace(clock)) {
      SpaceId space = engine.execute(ADMIN, CreateSpace.community("Everyone"));
      engine.execute(BO, new PostAnswer(engine.execute(ANA, StartThread.question(space,
          "Question number 0", "?")), "answer 0"));
      accept(engine, space, ANA, BO, 1);
      accept(engine, space, ANA, BO, 2);
      accept(engine, space, BO, ANA, 3);
      accept(engine, space, BO, ANA, 4);
      accept(engine, space, BO, ANA, 5);
      assertThat(anaRevoked).as("ana after the revoke").isEqualTo(
          engine.reputation(Viewer.system(), ANA.person()).score().points());
      assertThat(boRevoked).as("bo after the revoke").isEqualTo(
          engine.reputation(Viewer.system(), BO.person()).score().points());
    }
  }
}
