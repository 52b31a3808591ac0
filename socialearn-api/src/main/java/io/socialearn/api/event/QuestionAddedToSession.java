package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.space.SessionId;
import io.socialearn.api.thread.ThreadId;

/**
 * A question was put to an ask-the-expert session.
 *
 * @param session the session
 * @param question the question
 * @param by who put it
 */
public record QuestionAddedToSession(SessionId session, ThreadId question, PersonId by)
    implements DomainEvent {
  /** Checks that nothing is missing. */
  public QuestionAddedToSession {
    Validate.required("session", session);
    Validate.required("question", question);
    Validate.required("by", by);
  }
}
