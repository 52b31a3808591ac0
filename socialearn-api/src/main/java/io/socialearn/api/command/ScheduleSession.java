package io.socialearn.api.command;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SessionId;
import io.socialearn.api.space.SpaceId;
import java.time.Instant;

/**
 * Schedules an ask-the-expert session in a space; moderators, owners and administrators may. The
 * expert must be able to read the space; the session lasts at most a week.
 *
 * @param space where it happens
 * @param expert who answers: someone who can read the space and has not left
 * @param title what it is about
 * @param startsAt when it starts
 * @param endsAt when it ends, after {@code startsAt}
 */
public record ScheduleSession(SpaceId space, PersonId expert, String title, Instant startsAt,
    Instant endsAt) implements Command<SessionId> {
  /** Checks that nothing is missing. */
  public ScheduleSession {
    Validate.required("space", space);
    Validate.required("expert", expert);
    Validate.required("title", title);
    Validate.required("startsAt", startsAt);
    Validate.required("endsAt", endsAt);
  }
}
