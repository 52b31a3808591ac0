package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.ThreadId;

/**
 * A bounty was offered on a question; the offerer paid its amount.
 *
 * @param thread the question
 * @param offeredBy who offered it
 * @param amount the points
 */
public record BountyOffered(
    ThreadId thread,
    PersonId offeredBy,
    int amount) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public BountyOffered {
    Validate.required("thread", thread);
    Validate.required("offeredBy", offeredBy);
  }
}
