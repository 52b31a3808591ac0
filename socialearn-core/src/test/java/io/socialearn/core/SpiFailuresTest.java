package io.socialearn.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialearn.api.Viewer;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.StartThread;
import io.socialearn.api.event.EventListener;
import io.socialearn.api.event.PersonRegistered;
import io.socialearn.api.people.PersonDirectory;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.spi.IdGenerator;
import io.socialearn.core.log.InMemoryEventLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the host's SPIs may get wrong does no harm: a directory answering with someone else's
 * profile is not believed, and a listener that throws anything cannot fail a recorded command or
 * keep the next listener from hearing it.
 */
class SpiFailuresTest {

  static PersonProfile profile(String id, String unit) {
    return PersonProfile.builder(PersonId.of(id)).displayName(id).orgUnit(unit).build();
  }

  /** A directory answering for "ana" with someone else's profile must not overwrite that person. */
  @Test
  void directoryReturningAnotherPersonsProfileDoesNotOverwriteThem() {
    PersonDirectory confused = id -> Optional.of(profile("bo", "Evil Corp"));
    InMemoryEventLog log = InMemoryEventLog.create();
    try (SocialLearningEngine engine =
        SocialLearningEngine.builder()
            .eventLog(log)
            .idGenerator(IdGenerator.sequential())
            .personDirectory(confused)
            .build()) {
      engine.execute(Viewer.system(), new RegisterPerson(profile("bo", "Payroll")));
      SpaceId space = engine.execute(Viewer.system(), CreateSpace.community("Everyone"));
      long before = engine.lastSequence();
      try {
        engine.execute(
            Viewer.of("ana"),
            StartThread.question(space, "How is overtime taxed?", "Which table?", "payroll"));
      } catch (RuntimeException expectedRefusal) {
        // refusing is fine
      }
      // bo's recorded profile must still be the one registered
      List<PersonRegistered> registrations = new ArrayList<>();
      try (var events = log.readFrom(1)) {
        events.forEach(
            r -> {
              if (r.event() instanceof PersonRegistered p) {
                registrations.add(p);
              }
            });
      }
      assertThat(engine.person(Viewer.system(), PersonId.of("bo")).orgUnit())
          .as("bo's profile after ana acted")
          .isEqualTo("Payroll");
      assertThat(registrations)
          .as("PersonRegistered events in the log after ana acted (seq before: %d)", before)
          .extracting(p -> p.profile().id().value() + "/" + p.profile().orgUnit())
          .containsExactly("bo/Payroll");
    }
  }

  /**
   * README/EventListener: a listener that throws is logged and ignored; it cannot fail the command.
   */
  @Test
  void listenerThrowingAnErrorDoesNotFailTheCommand() {
    List<Long> heardBySecond = new ArrayList<>();
    EventListener failing =
        events -> {
          throw new AssertionError("listener bug");
        };
    EventListener second = events -> events.forEach(e -> heardBySecond.add(e.sequence()));
    try (SocialLearningEngine engine =
        SocialLearningEngine.builder()
            .idGenerator(IdGenerator.sequential())
            .listener(failing)
            .listener(second)
            .build()) {
      SpaceId space;
      try {
        space = engine.execute(Viewer.system(), CreateSpace.community("Everyone"));
      } catch (Throwable t) {
        throw new AssertionError(
            "execute threw "
                + t
                + " although the command was recorded at "
                + engine.lastSequence()
                + "; second listener heard "
                + heardBySecond,
            t);
      }
      assertThat(space).isNotNull();
      assertThat(heardBySecond).containsExactly(engine.lastSequence());
    }
  }

  /** A listener written in Kotlin (no checked exceptions) throwing IOException. */
  @Test
  void listenerThrowingACheckedExceptionDoesNotFailTheCommand() {
    EventListener failing = events -> sneaky(new IOException("notification service down"));
    try (SocialLearningEngine engine =
        SocialLearningEngine.builder()
            .idGenerator(IdGenerator.sequential())
            .listener(failing)
            .build()) {
      Object result = null;
      Throwable thrown = null;
      try {
        result = engine.execute(Viewer.system(), CreateSpace.community("Everyone"));
      } catch (Throwable t) {
        thrown = t;
      }
      assertThat(engine.lastSequence()).as("the command was recorded").isEqualTo(1);
      assertThat(thrown).as("execute must not fail once the command is recorded").isNull();
      assertThat(result).isNotNull();
    }
  }

  @SuppressWarnings("unchecked")
  static <E extends Throwable> void sneaky(Throwable t) throws E {
    throw (E) t;
  }
}
