package io.socialearn.api.space;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.ThreadSummary;
import java.time.Instant;
import java.util.List;

/**
 * An ask-the-expert session as a viewer sees it: a time-boxed event in a space where a named
 * expert answers the questions asked in advance and live.
 *
 * @param id the session
 * @param space where it happens
 * @param expert who answers
 * @param title what it is about
 * @param startsAt when it starts
 * @param endsAt when it ends
 * @param state scheduled, live or ended, as of the read
 * @param questions its questions the viewer may read, most votes first, then oldest first
 */
public record ExpertSession(SessionId id, SpaceId space, PersonId expert, String title,
    Instant startsAt, Instant endsAt, SessionState state, List<ThreadSummary> questions) {
  /** Checks and copies. */
  public ExpertSession {
    Validate.required("id", id);
    Validate.required("space", space);
    Validate.required("expert", expert);
    Validate.required("title", title);
    Validate.required("startsAt", startsAt);
    Validate.required("endsAt", endsAt);
    Validate.required("state", state);
    questions = Validate.list("questions", questions);
  }
}
