package io.socialearn.core;

import io.socialearn.api.ConflictException;
import io.socialearn.api.ForbiddenException;
import io.socialearn.api.InvalidInputException;
import io.socialearn.api.NotFoundException;
import io.socialearn.api.Validate;
import io.socialearn.api.Viewer;
import io.socialearn.api.command.AdjustReputation;
import io.socialearn.api.command.Command;
import io.socialearn.api.command.AddToSession;
import io.socialearn.api.command.ConfigureSpace;
import io.socialearn.api.command.ScheduleSession;
import io.socialearn.api.command.CreateSpace;
import io.socialearn.api.command.Endorse;
import io.socialearn.api.command.JoinSpace;
import io.socialearn.api.command.LinkAccounts;
import io.socialearn.api.command.RecordVisit;
import io.socialearn.api.command.LeaveSpace;
import io.socialearn.api.command.RegisterPerson;
import io.socialearn.api.command.RemoveMember;
import io.socialearn.api.command.SetMemberRole;
import io.socialearn.api.command.UpdateProfile;
import io.socialearn.api.event.AccountsLinked;
import io.socialearn.api.event.DomainEvent;
import io.socialearn.api.event.MemberRemoved;
import io.socialearn.api.event.PersonEndorsed;
import io.socialearn.api.event.MemberRoleSet;
import io.socialearn.api.event.PersonRegistered;
import io.socialearn.api.event.PersonVisited;
import io.socialearn.api.event.ProfileUpdated;
import io.socialearn.api.event.ReputationAdjusted;
import io.socialearn.api.event.QuestionAddedToSession;
import io.socialearn.api.event.SessionScheduled;
import io.socialearn.api.event.SpaceConfigured;
import io.socialearn.api.event.SpaceCreated;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.people.PersonProfile;
import io.socialearn.api.people.PersonStatus;
import io.socialearn.api.space.SessionId;
import io.socialearn.api.space.SpaceId;
import io.socialearn.api.space.SpaceRole;
import io.socialearn.api.space.SpaceVisibility;
import io.socialearn.api.spi.IdGenerator;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a command into events, or throws without side effects. Handles people and spaces itself
 * and hands thread commands to {@link ThreadCommands}. Reads the state under the engine's write
 * lock; never mutates it.
 */
final class CommandDecider {
  private final EngineState state;
  private final Access access;
  private final IdGenerator ids;
  private final ContentLimits limits;
  private final Trust trust;
  private final ThreadCommands threadCommands;
  private final Endorsements endorsements;
  private static final Duration MAX_SESSION = Duration.ofDays(7);

  /** Who has endorsed whom for what: the expertise model knows. */
  @FunctionalInterface
  interface Endorsements {
    /** Whether {@code endorser} has endorsed {@code person} for {@code topic}. */
    boolean endorsed(PersonId endorser, PersonId person, Tag topic);
  }

  CommandDecider(EngineState state, Access access, Trust trust, IdGenerator ids,
      ContentLimits limits, AntiGamingPolicy antiGaming, Endorsements endorsements) {
    this.state = state;
    this.endorsements = endorsements;
    this.access = access;
    this.ids = ids;
    this.limits = limits;
    this.trust = trust;
    this.threadCommands = new ThreadCommands(state, access, trust, ids, limits, antiGaming);
  }

  Decision decide(Viewer actor, Command<?> command, Instant now) {
    Validate.required("actor", actor);
    Validate.required("command", command);
    if (command instanceof RegisterPerson r) {
      return register(actor, r.profile());
    }
    List<DomainEvent> events = new ArrayList<>();
    Actor who = resolve(actor, events);
    if (command instanceof UpdateProfile u) {
      return updateProfile(who, u.profile(), events);
    } else if (command instanceof CreateSpace c) {
      return createSpace(who, c, events);
    } else if (command instanceof JoinSpace j) {
      return join(who, j.space(), events);
    } else if (command instanceof LeaveSpace l) {
      return leave(who, l.space(), events);
    } else if (command instanceof SetMemberRole s) {
      return setRole(who, s, events);
    } else if (command instanceof RemoveMember r) {
      return remove(who, r, events);
    } else if (command instanceof ScheduleSession c) {
      return schedule(who, c, events, now);
    } else if (command instanceof AddToSession c) {
      return addToSession(who, c, events, now);
    } else if (command instanceof ConfigureSpace c) {
      SpaceRow space = access.space(who.viewer(), c.space());
      if (!access.isOwner(who.viewer(), c.space())) {
        throw new ForbiddenException("configure space", "only owners configure a space");
      }
      if (space.features().equals(c.features())) {
        throw new ConflictException("space " + c.space() + " has these features already");
      }
      events.add(new SpaceConfigured(c.space(), c.features(), who.person()));
      return new Decision(events, null);
    } else if (command instanceof LinkAccounts l) {
      return link(who, l, events);
    } else if (command instanceof AdjustReputation a) {
      if (!who.viewer().isAdministrator()) {
        throw new ForbiddenException("adjust reputation", "only administrators adjust reputation");
      }
      if (a.delta() == 0) {
        throw new InvalidInputException("delta", "notZero", "an adjustment of 0 changes nothing");
      }
      PersonProfile person = knownPerson(a.person(), who, events);
      // A total an int cannot hold would wrap round when the ledger folds it: points lost.
      long total = (long) trust.reputationOf(person.id()) + a.delta();
      if (total > Integer.MAX_VALUE || total < Integer.MIN_VALUE) {
        throw new InvalidInputException("delta", "range", "an adjustment of " + a.delta()
            + " would take the reputation of " + person.id() + " to " + total
            + ", beyond what it can hold (" + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
            + ")");
      }
      events.add(new ReputationAdjusted(person.id(), a.delta(),
          Validate.text("reason", a.reason(), limits.maxDescriptionLength()), who.person()));
      return new Decision(events, null);
    } else if (command instanceof RecordVisit) {
      who.requirePerson("visit");
      if (events.isEmpty() && state.activeOn(who.person(), now)) {
        return new Decision(List.of(), null);
      }
      events.add(new PersonVisited(who.person()));
      return new Decision(events, null);
    } else if (command instanceof Endorse en) {
      who.requirePerson("endorse");
      PersonProfile person = knownPerson(en.person(), who, events);
      if (state.samePerson(person.id(), who.person())) {
        throw new InvalidInputException("person", "notSelf", "nobody endorses themselves, nor an"
            + " account linked to theirs");
      }
      if (person.status() == PersonStatus.LEFT) {
        throw new ConflictException(person.id() + " has left the organisation: endorsements"
            + " are for people who can still be asked");
      }
      // A repeated endorsement changes nothing, as Endorse promises: nothing is recorded.
      if (endorsements.endorsed(who.person(), person.id(), en.topic())) {
        return new Decision(events, null);
      }
      events.add(new PersonEndorsed(who.person(), person.id(), en.topic()));
      return new Decision(events, null);
    }
    return threadCommands.decide(who, command, events, now);
  }

  /**
   * Works out who acts. A person the engine has not seen is taken from the host's directory and
   * recorded as part of this command's batch.
   */
  private Actor resolve(Viewer viewer, List<DomainEvent> events) {
    if (viewer.isSystem()) {
      return new Actor(viewer, null);
    }
    PersonProfile profile = state.people.get(viewer.person());
    if (profile == null) {
      profile = access.profileOf(viewer.person());
      if (profile == null) {
        throw new NotFoundException("person", viewer.person().value());
      }
      events.add(new PersonRegistered(profile));
    }
    if (profile.status() == PersonStatus.LEFT) {
      throw new ForbiddenException("act", viewer.person() + " has left the organisation");
    }
    return new Actor(viewer, profile);
  }

  private Decision register(Viewer actor, PersonProfile profile) {
    Validate.required("profile", profile);
    if (!actor.isAdministrator() && !actor.person().equals(profile.id())) {
      throw new ForbiddenException("register person",
          "only administrators may register someone else");
    }
    if (profile.id().equals(PersonId.SYSTEM)) {
      throw new InvalidInputException("profile.id", "reserved", "the system id is reserved");
    }
    if (state.people.containsKey(profile.id())) {
      throw new ConflictException("person " + profile.id() + " is registered already");
    }
    // Someone the directory lists keeps the guest flag it gives them, as in UpdateProfile.
    PersonProfile listed = actor.isAdministrator() ? null : access.profileOf(profile.id());
    if (listed != null && listed.external() != profile.external()) {
      throw new ForbiddenException("register person", "only administrators may change whether a"
          + " person is external; the directory lists " + profile.id()
          + (listed.external() ? " as external" : " as not external"));
    }
    return new Decision(List.of(new PersonRegistered(profile)), profile.id());
  }

  private Decision updateProfile(Actor who, PersonProfile profile, List<DomainEvent> events) {
    Validate.required("profile", profile);
    PersonProfile current = profile.id().equals(who.person()) && who.profile() != null
        ? who.profile() : state.people.get(profile.id());
    if (current == null) {
      throw new NotFoundException("person", profile.id().value());
    }
    if (!who.viewer().isAdministrator()) {
      if (!who.person().equals(profile.id())) {
        throw new ForbiddenException("update profile",
            "only administrators may update someone else's profile");
      }
      if (current.external() != profile.external()) {
        throw new ForbiddenException("update profile",
            "only administrators may change whether a person is external");
      }
    }
    if (current.equals(profile)) {
      throw new ConflictException("the profile of " + profile.id() + " is unchanged");
    }
    events.add(new ProfileUpdated(profile, who.person()));
    return new Decision(events, null);
  }

  private Decision createSpace(Actor who, CreateSpace c, List<DomainEvent> events) {
    if (who.profile() != null && who.profile().external() && !who.viewer().isAdministrator()) {
      throw new ForbiddenException("create space", "external guests cannot create spaces");
    }
    String name = Validate.text("name", c.name(), limits.maxSpaceNameLength());
    String description = c.description().isBlank() ? ""
        : Validate.text("description", c.description(), limits.maxDescriptionLength());
    SpaceId space = SpaceId.of(ThreadCommands.newId(ids, "space"));
    ThreadCommands.requireUnused(space, state.spaces.containsKey(space), "space");
    events.add(new SpaceCreated(space, name, description, c.kind(), c.visibility(), who.person()));
    if (!who.viewer().isSystem()) {
      events.add(new MemberRoleSet(space, who.person(), SpaceRole.OWNER, who.person()));
    }
    return new Decision(events, space);
  }

  private Decision join(Actor who, SpaceId id, List<DomainEvent> events) {
    who.requirePerson("join a space");
    SpaceRow space = access.space(who.viewer(), id);
    if (state.roleOf(id, who.person()) != null) {
      throw new ConflictException(who.person() + " is a member of space " + id + " already");
    }
    if (space.visibility() != SpaceVisibility.ORGANIZATION || who.profile().external()) {
      throw new ForbiddenException("join", "space " + id + " is joined by invitation only");
    }
    events.add(new MemberRoleSet(id, who.person(), SpaceRole.MEMBER, who.person()));
    return new Decision(events, null);
  }

  private Decision leave(Actor who, SpaceId id, List<DomainEvent> events) {
    who.requirePerson("leave a space");
    access.space(who.viewer(), id);
    SpaceRole role = state.roleOf(id, who.person());
    if (role == null) {
      throw new ConflictException(who.person() + " is not a member of space " + id);
    }
    requireAnotherOwner(id, who.person(), role);
    events.add(new MemberRemoved(id, who.person(), who.person()));
    return new Decision(events, null);
  }

  private Decision setRole(Actor who, SetMemberRole s, List<DomainEvent> events) {
    access.space(who.viewer(), s.space());
    if (!access.isModerator(who.viewer(), s.space())) {
      throw new ForbiddenException("set member role", "only moderators and owners manage members");
    }
    PersonProfile member = knownPerson(s.person(), who, events);
    if (member.external() && !state.spaces.get(s.space()).features().externalGuests()) {
      throw new ForbiddenException("set member role", "external guests are off in space "
          + s.space());
    }
    SpaceRole current = state.roleOf(s.space(), member.id());
    if (current == s.role()) {
      throw new ConflictException(s.person() + " is " + current + " of space " + s.space()
          + " already");
    }
    boolean touchesOwnership = s.role() == SpaceRole.OWNER || current == SpaceRole.OWNER
        || current == SpaceRole.MODERATOR;
    if (touchesOwnership && !access.isOwner(who.viewer(), s.space())) {
      throw new ForbiddenException("set member role",
          "only owners grant ownership or change a moderator's or owner's role");
    }
    if (current != null) {
      requireAnotherOwner(s.space(), member.id(), current);
    }
    events.add(new MemberRoleSet(s.space(), member.id(), s.role(), who.person()));
    return new Decision(events, null);
  }

  private Decision remove(Actor who, RemoveMember r, List<DomainEvent> events) {
    access.space(who.viewer(), r.space());
    if (!access.isModerator(who.viewer(), r.space())) {
      throw new ForbiddenException("remove member", "only moderators and owners manage members");
    }
    SpaceRole current = state.roleOf(r.space(), r.person());
    if (current == null) {
      throw new ConflictException(r.person() + " is not a member of space " + r.space());
    }
    if (current != SpaceRole.MEMBER && !access.isOwner(who.viewer(), r.space())) {
      throw new ForbiddenException("remove member", "only owners remove moderators and owners");
    }
    requireAnotherOwner(r.space(), r.person(), current);
    events.add(new MemberRemoved(r.space(), r.person(), who.person()));
    return new Decision(events, null);
  }

  private Decision schedule(Actor who, ScheduleSession c, List<DomainEvent> events,
      Instant now) {
    access.space(who.viewer(), c.space());
    if (!access.isModerator(who.viewer(), c.space())) {
      throw new ForbiddenException("schedule session",
          "only moderators and owners schedule ask-the-expert sessions");
    }
    String title = Validate.text("title", c.title(), limits.minTitleLength(),
        limits.maxTitleLength());
    if (!c.endsAt().isAfter(c.startsAt())) {
      throw new InvalidInputException("endsAt", "afterStart", "a session must end after it starts");
    }
    if (Duration.between(c.startsAt(), c.endsAt()).compareTo(MAX_SESSION) > 0) {
      throw new InvalidInputException("endsAt", "maxDuration", "a session lasts at most a week");
    }
    if (!c.endsAt().isAfter(now)) {
      throw new InvalidInputException("endsAt", "future", "a session must end in the future");
    }
    PersonProfile expert = knownPerson(c.expert(), who, events);
    if (expert.status() == PersonStatus.LEFT) {
      throw new ConflictException(expert.id() + " has left the organisation and answers no"
          + " session");
    }
    if (!access.canRead(Viewer.of(expert.id()), state.spaces.get(c.space()))) {
      throw new ConflictException(expert.id() + " cannot read space " + c.space()
          + "; make them a member first");
    }
    SessionId session = SessionId.of(ThreadCommands.newId(ids, "session"));
    ThreadCommands.requireUnused(session, state.sessions.containsKey(session), "session");
    events.add(new SessionScheduled(session, c.space(), expert.id(), title, c.startsAt(),
        c.endsAt(), who.person()));
    return new Decision(events, session);
  }

  private Decision addToSession(Actor who, AddToSession c, List<DomainEvent> events,
      Instant now) {
    EngineState.SessionRow session = state.sessions.get(c.session());
    if (session == null || !access.canRead(who.viewer(), state.spaces.get(session.space()))) {
      throw new NotFoundException("session", c.session().value());
    }
    ThreadRow question = access.thread(who.viewer(), c.question());
    if (question.kind() != ThreadKind.QUESTION
        || !question.space().equals(session.space())) {
      throw new InvalidInputException("question", "sessionSpace",
          "only questions in the session's space " + session.space() + " can be put to it");
    }
    if (!question.author().equals(who.person())
        && !access.isModerator(who.viewer(), session.space())) {
      throw new ForbiddenException("add to session",
          "only the asker or a moderator puts a question to a session");
    }
    if (!now.isBefore(session.endsAt())) {
      throw new ConflictException("session " + session.id() + " has ended");
    }
    // Checked again here, as when the session was scheduled: the expert may have gone since.
    PersonProfile expert = state.people.get(session.expert());
    if (expert != null && expert.status() == PersonStatus.LEFT) {
      throw new ConflictException("session " + session.id() + "'s expert " + session.expert()
          + " has left the organisation and answers no session");
    }
    if (!access.canRead(Viewer.of(session.expert()), state.spaces.get(session.space()))) {
      throw new ConflictException("session " + session.id() + "'s expert " + session.expert()
          + " cannot read space " + session.space() + " any more; make them a member again");
    }
    if (state.sessionOfThread.containsKey(question.id())) {
      throw new ConflictException("question " + question.id() + " is in session "
          + state.sessionOfThread.get(question.id()) + " already");
    }
    events.add(new QuestionAddedToSession(session.id(), question.id(), who.person()));
    return new Decision(events, null);
  }

  private Decision link(Actor who, LinkAccounts l, List<DomainEvent> events) {
    if (!who.viewer().isAdministrator()) {
      throw new ForbiddenException("link accounts", "only administrators link accounts");
    }
    if (l.first().equals(l.second())) {
      throw new InvalidInputException("second", "notSelf", "an account cannot be linked to itself");
    }
    PersonProfile first = knownPerson(l.first(), who, events);
    PersonProfile second = knownPerson(l.second(), who, events);
    // Through any chain of links: one person's accounts already, which a link would not change.
    if (state.samePerson(first.id(), second.id())) {
      throw new ConflictException(first.id() + " and " + second.id() + " are linked already");
    }
    events.add(new AccountsLinked(first.id(), second.id(), who.person()));
    return new Decision(events, null);
  }

  private void requireAnotherOwner(SpaceId space, PersonId person, SpaceRole role) {
    if (role != SpaceRole.OWNER) {
      return;
    }
    for (Map.Entry<PersonId, SpaceRole> m : state.members.get(space).entrySet()) {
      if (m.getValue() == SpaceRole.OWNER && !m.getKey().equals(person)) {
        return;
      }
    }
    throw new ConflictException(person + " is the last owner of space " + space
        + "; make someone else owner first");
  }

  /** A person the command names: recorded, or taken from the directory into this batch. */
  private PersonProfile knownPerson(PersonId id, Actor who, List<DomainEvent> events) {
    if (id.equals(who.person()) && who.profile() != null) {
      return who.profile();
    }
    PersonProfile profile = state.people.get(id);
    if (profile == null) {
      profile = access.profileOf(id);
      if (profile == null) {
        throw new NotFoundException("person", id.value());
      }
      events.add(new PersonRegistered(profile));
    }
    return profile;
  }
}
