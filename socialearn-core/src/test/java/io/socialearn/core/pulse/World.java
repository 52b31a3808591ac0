package io.socialearn.core.pulse;

import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.spi.IdGenerator;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.MutableClock;
import io.socialearn.core.RoutingPolicy;
import io.socialearn.core.SocialLearningEngine;
import io.socialearn.core.WriteRateLimit;
import io.socialearn.core.reputation.TrustPolicy;
import java.nio.file.Path;
import java.time.Instant;

/**
 * An engine for pulse tests whose clock the test sets before each command, so that every event
 * lands at a time the test chose. Trust gates nothing and nobody is rate limited.
 */
final class World implements AutoCloseable {
  static final Viewer ADMIN = Viewer.administrator(PersonId.of("root"));

  final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  final SocialLearningEngine engine;
  final SpaceId space;

  World(PulsePrivacy privacy) {
    this(privacy, null);
  }

  World(PulsePrivacy privacy, Path dataDirectory) {
    this(privacy, dataDirectory, RoutingPolicy.off());
  }

  /** A world whose engine routes new questions by {@code routing}. */
  World(PulsePrivacy privacy, Path dataDirectory, RoutingPolicy routing) {
    SocialLearningEngine.Builder b = SocialLearningEngine.builder().clock(clock)
        .idGenerator(IdGenerator.sequential()).writeRateLimit(WriteRateLimit.unlimited())
        .trustPolicy(TrustPolicy.rolesOnly()).pulsePrivacy(privacy).routing(routing);
    if (dataDirectory != null) {
      b.dataDirectory(dataDirectory).snapshotEvery(7);
    }
    engine = b.build();
    space = engine.lastSequence() == 0 ? engine.execute(Viewer.system(),
        CreateSpace.community("Everyone")) : engine.spaces(ADMIN).get(0).id();
  }

  World at(String instant) {
    clock.set(Instant.parse(instant));
    return this;
  }

  void person(String id, String unit) {
    engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(PersonId.of(id))
        .displayName(id).orgUnit(unit).build()));
  }

  ThreadId ask(String when, String who, String title, String... tags) {
    at(when);
    return engine.execute(Viewer.of(who), StartThread.question(space, title,
        "Body of " + title, tags));
  }

  PostId answer(String when, String who, ThreadId thread) {
    at(when);
    return engine.execute(Viewer.of(who), new PostAnswer(thread, "An answer by " + who));
  }

  void accept(String when, String asker, PostId answer) {
    at(when);
    engine.execute(Viewer.of(asker), new AcceptAnswer(answer));
  }

  @Override
  public void close() {
    engine.close();
  }
}
