package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.ThreadId;
import io.socialearn.api.thread.VoteDirection;

/**
 * A vote was cast. A changed vote is a {@link VoteRetracted} followed by a {@code VoteCast}.
 *
 * @param target what was voted on
 * @param thread the thread it belongs to
 * @param voter who voted
 * @param direction up or down
 * @param contentAuthor who wrote what was voted on
 */
public record VoteCast(
    ContentRef target,
    ThreadId thread,
    PersonId voter,
    VoteDirection direction,
    PersonId contentAuthor) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public VoteCast {
    Validate.required("target", target);
    Validate.required("thread", thread);
    Validate.required("voter", voter);
    Validate.required("direction", direction);
    Validate.required("contentAuthor", contentAuthor);
  }
}
