package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;

/**
 * A vote was taken back (or is being changed).
 *
 * @param target what was voted on
 * @param thread the thread it belongs to
 * @param voter who had voted
 * @param direction the direction of the vote taken back
 * @param contentAuthor who wrote what was voted on
 */
public record VoteRetracted(
    ContentRef target,
    ThreadId thread,
    PersonId voter,
    VoteDirection direction,
    PersonId contentAuthor) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public VoteRetracted {
    Validate.required("target", target);
    Validate.required("thread", thread);
    Validate.required("voter", voter);
    Validate.required("direction", direction);
    Validate.required("contentAuthor", contentAuthor);
  }
}
