package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.ThreadId;

/**
 * A person read a thread for the first time.
 *
 * @param thread the thread
 * @param viewer who read it
 */
public record ThreadViewed(ThreadId thread, PersonId viewer) implements DomainEvent {
  /** Checks that nothing is missing. */
  public ThreadViewed {
    Validate.required("thread", thread);
    Validate.required("viewer", viewer);
  }
}
