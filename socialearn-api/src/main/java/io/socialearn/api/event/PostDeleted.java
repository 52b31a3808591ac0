package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;

/**
 * An answer was deleted.
 *
 * @param post the answer
 * @param thread its thread
 * @param reason why
 * @param by who deleted it
 */
public record PostDeleted(
    PostId post,
    ThreadId thread,
    String reason,
    PersonId by) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public PostDeleted {
    Validate.required("post", post);
    Validate.required("thread", thread);
    Validate.required("reason", reason);
    Validate.required("by", by);
  }
}
