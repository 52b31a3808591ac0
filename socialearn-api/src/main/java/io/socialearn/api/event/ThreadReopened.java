package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.ThreadId;

/**
 * A closed or duplicate thread was reopened.
 *
 * @param thread the thread
 * @param by who reopened it
 */
public record ThreadReopened(
    ThreadId thread,
    PersonId by) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public ThreadReopened {
    Validate.required("thread", thread);
    Validate.required("by", by);
  }
}
