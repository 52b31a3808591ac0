package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.socialearn.api.Viewer;
import io.socialearn.api.command.AcceptAnswer;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.PostAnswer;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.EventLogException;
import io.socialearn.api.event.PersonRegistered;
import io.socialearn.api.event.QuestionRouted;
import io.socialearn.api.event.RecordedEvent;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.core.log.InMemoryEventLog;
import io.socialearn.core.reputation.TrustPolicy;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A question is recorded whatever routing it meets: when routing loses the race to another
 * writer and then cannot catch up with the log, the command still succeeds, unrouted.
 */
class RouteCatchUpFailureTest {
  /** Another node appends just before our routing; then reading the log fails. */
  static final class RacingLog extends ForwardingLog {
    boolean armed;
    boolean readFails;

    RacingLog() {
      super(InMemoryEventLog.create());
    }

    @Override
    public List<RecordedEvent> append(long expected, List<DomainEvent> events, Instant at) {
      if (armed && events.stream().anyMatch(QuestionRouted.class::isInstance)) {
        armed = false;
        delegate.append(delegate.lastSequence(), List.of(new PersonRegistered(
            PersonProfile.builder(PersonId.of("zed")).displayName("zed").build())), at);
        readFails = true;
      }
      return delegate.append(expected, events, at);
    }

    @Override
    public Stream<RecordedEvent> readFrom(long from) {
      if (readFails) {
        throw new EventLogException("the log cannot be read just now");
      }
      return delegate.readFrom(from);
    }
  }

  @Test
  void aFailedCatchUpWhileRoutingLeavesTheQuestionRecordedUnrouted() {
    RacingLog log = new RacingLog();
    try (SocialLearningEngine engine = SocialLearningEngine.builder().eventLog(log)
        .routing(RoutingPolicy.suggest(1, 5)).trustPolicy(TrustPolicy.rolesOnly())
        .writeRateLimit(WriteRateLimit.unlimited()).build()) {
      for (String id : List.of("ana", "bo", "dee")) {
        engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(PersonId.of(id))
            .displayName(id).build()));
      }
      SpaceId space = engine.execute(Viewer.system(), CreateSpace.community("Money"));
      for (int i = 0; i < 3; i++) {
        ThreadId q = engine.execute(Viewer.of("dee"), StartThread.question(space,
            "Payroll question number " + i, "How does the payroll run work?", "payroll"));
        PostId a = engine.execute(Viewer.of("bo"),
            new PostAnswer(q, "The payroll run works like this."));
        engine.execute(Viewer.of("dee"), new AcceptAnswer(a));
      }
      log.armed = true;
      long before = log.lastSequence();
      // Expected (route's Javadoc): the question is recorded, the routing failure logged.
      assertThatCode(() -> engine.execute(Viewer.of("ana"), StartThread.question(space,
          "Payroll date", "When is the payroll run?", "payroll"))).doesNotThrowAnyException();
      assertThat(log.lastSequence()).isGreaterThan(before);
    }
  }
}
