package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.ThreadId;

/**
 * A thread was closed as a duplicate of an older one.
 *
 * @param thread the duplicate
 * @param original the thread that answers it
 * @param by who marked it
 */
public record ThreadMarkedDuplicate(
    ThreadId thread,
    ThreadId original,
    PersonId by) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public ThreadMarkedDuplicate {
    Validate.required("thread", thread);
    Validate.required("original", original);
    Validate.required("by", by);
  }
}
