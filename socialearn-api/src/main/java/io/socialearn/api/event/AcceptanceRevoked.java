package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;

/**
 * An accept was taken back, moved, or ended by the answer's deletion.
 *
 * @param thread the question
 * @param answer the answer that was accepted
 * @param by who took it back
 * @param answerAuthor who wrote the answer
 */
public record AcceptanceRevoked(
    ThreadId thread,
    PostId answer,
    PersonId by,
    PersonId answerAuthor) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public AcceptanceRevoked {
    Validate.required("thread", thread);
    Validate.required("answer", answer);
    Validate.required("by", by);
    Validate.required("answerAuthor", answerAuthor);
  }
}
