package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.CommentId;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.ThreadId;

/**
 * A comment was added to a thread or an answer.
 *
 * @param comment the new comment
 * @param target what it comments on
 * @param thread the thread it belongs to
 * @param body its text
 * @param author who wrote it
 */
public record CommentAdded(
    CommentId comment,
    ContentRef target,
    ThreadId thread,
    String body,
    PersonId author) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public CommentAdded {
    Validate.required("comment", comment);
    Validate.required("target", target);
    Validate.required("thread", thread);
    Validate.required("body", body);
    Validate.required("author", author);
  }
}
