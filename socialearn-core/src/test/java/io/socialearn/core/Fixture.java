package io.socialearn.core;

import io.socialearn.api.Viewer;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.SetMemberRole;
import io.socialearn.api.event.EventLog;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SpaceKind;
import io.socialearn.api.space.SpaceRole;
import io.socialearn.api.space.SpaceVisibility;
import io.socialearn.api.spi.IdGenerator;
import io.socialearn.core.log.InMemoryEventLog;
import io.socialearn.core.reputation.TrustPolicy;
import java.time.Instant;

/**
 * A small organisation for tests, with trust gating nothing (see {@link TrustPolicy#rolesOnly()})
 * unless a test asks for a policy: Ana (Finance), Bo and Cy (Payroll), Dee (HR), Gus (an external
 * guest), Root (an administrator); an organisation-wide space owned by Root and a members-only
 * space of Bo's with Cy in it.
 */
final class Fixture implements AutoCloseable {
  static final Viewer ANA = Viewer.of("ana");
  static final Viewer BO = Viewer.of("bo");
  static final Viewer CY = Viewer.of("cy");
  static final Viewer DEE = Viewer.of("dee");
  static final Viewer GUS = Viewer.of("gus");
  static final Viewer ADMIN = Viewer.administrator(PersonId.of("root"));

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
  final EventLog log;
  final SocialLearningEngine engine;
  final SpaceId open;
  final SpaceId payroll;

  Fixture() {
    this(InMemoryEventLog.create(), WriteRateLimit.unlimited());
  }

  Fixture(EventLog log, WriteRateLimit rateLimit) {
    this(log, rateLimit, TrustPolicy.rolesOnly());
  }

  Fixture(EventLog log, WriteRateLimit rateLimit, TrustPolicy trust) {
    this.log = log;
    this.engine = SocialLearningEngine.builder().clock(clock).idGenerator(IdGenerator.sequential())
        .eventLog(log).writeRateLimit(rateLimit).trustPolicy(trust).build();
    register("ana", "Ana", "Finance", false);
    register("bo", "Bo", "Payroll", false);
    register("cy", "Cy", "Payroll", false);
    register("dee", "Dee", "HR", false);
    register("gus", "Gus", "Partner Inc", true);
    register("root", "Root", "IT", false);
    open = engine.execute(ADMIN, CreateSpace.community("Everyone"));
    payroll = engine.execute(BO, new CreateSpace("Payroll pilot", "department pilot",
        SpaceKind.DEPARTMENT, SpaceVisibility.MEMBERS_ONLY));
    engine.execute(BO, new SetMemberRole(payroll, PersonId.of("cy"), SpaceRole.MEMBER));
  }

  void register(String id, String name, String unit, boolean external) {
    engine.execute(Viewer.system(), new RegisterPerson(PersonProfile.builder(PersonId.of(id))
        .displayName(name).orgUnit(unit).external(external).build()));
  }

  /** A second engine replaying the same log from scratch. */
  SocialLearningEngine replay() {
    return SocialLearningEngine.builder().clock(clock).eventLog(new SharedLog(log))
        .trustPolicy(TrustPolicy.rolesOnly()).build();
  }

  @Override
  public void close() {
    engine.close();
  }
}
