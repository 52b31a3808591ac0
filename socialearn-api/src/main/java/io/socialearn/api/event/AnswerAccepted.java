package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;

/**
 * An answer was accepted. Moving an accept is an {@link AcceptanceRevoked} and then this.
 *
 * @param thread the question
 * @param answer the accepted answer
 * @param by who accepted
 * @param answerAuthor who wrote the answer
 */
public record AnswerAccepted(
    ThreadId thread,
    PostId answer,
    PersonId by,
    PersonId answerAuthor) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public AnswerAccepted {
    Validate.required("thread", thread);
    Validate.required("answer", answer);
    Validate.required("by", by);
    Validate.required("answerAuthor", answerAuthor);
  }
}
