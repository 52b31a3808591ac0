package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.space.SessionId;
import io.socialearn.api.thread.ThreadId;

/**
 * Puts a question to an ask-the-expert session, in advance or while it is live; the question's
 * asker or a moderator may, until the session ends. The question must be in the session's space.
 * Refused with a {@code ConflictException} once the session's expert has left the organisation
 * or can no longer read the space (checked again here, not only when the session was scheduled).
 *
 * @param session the session
 * @param question the question
 */
public record AddToSession(SessionId session, ThreadId question) implements Command<Done> {
  /** Checks that nothing is missing. */
  public AddToSession {
    Validate.required("session", session);
    Validate.required("question", question);
  }
}
