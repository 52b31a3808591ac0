package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;

/**
 * A question's bounty was awarded to an answer.
 *
 * @param thread the question
 * @param answer the answer
 * @param awardedBy who awarded it (the offerer)
 * @param answerAuthor who earned it
 * @param amount the points
 */
public record BountyAwarded(
    ThreadId thread,
    PostId answer,
    PersonId awardedBy,
    PersonId answerAuthor,
    int amount) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public BountyAwarded {
    Validate.required("thread", thread);
    Validate.required("answer", answer);
    Validate.required("awardedBy", awardedBy);
    Validate.required("answerAuthor", answerAuthor);
  }
}
