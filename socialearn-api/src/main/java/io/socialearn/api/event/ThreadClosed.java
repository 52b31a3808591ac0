package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.ThreadId;

/**
 * A thread was closed.
 *
 * @param thread the thread
 * @param reason why
 * @param by who closed it
 */
public record ThreadClosed(
    ThreadId thread,
    String reason,
    PersonId by) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public ThreadClosed {
    Validate.required("thread", thread);
    Validate.required("reason", reason);
    Validate.required("by", by);
  }
}
