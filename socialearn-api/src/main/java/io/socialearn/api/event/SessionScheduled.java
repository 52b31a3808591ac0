package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SessionId;
import io.socialearn.api.space.SpaceId;
import java.time.Instant;

/**
 * An ask-the-expert session was scheduled.
 *
 * @param session the session
 * @param space where it happens
 * @param expert who answers
 * @param title what it is about
 * @param startsAt when it starts
 * @param endsAt when it ends
 * @param by who scheduled it
 */
public record SessionScheduled(SessionId session, SpaceId space, PersonId expert, String title,
    Instant startsAt, Instant endsAt, PersonId by) implements DomainEvent {
  /** Checks that nothing is missing. */
  public SessionScheduled {
    Validate.required("session", session);
    Validate.required("space", space);
    Validate.required("expert", expert);
    Validate.required("title", title);
    Validate.required("startsAt", startsAt);
    Validate.required("endsAt", endsAt);
    Validate.required("by", by);
  }
}
