package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;

/**
 * An answer (or reply) was posted.
 *
 * @param post the new post
 * @param thread its thread
 * @param body its text
 * @param author who wrote it
 */
public record AnswerPosted(
    PostId post,
    ThreadId thread,
    String body,
    PersonId author) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public AnswerPosted {
    Validate.required("post", post);
    Validate.required("thread", thread);
    Validate.required("body", body);
    Validate.required("author", author);
  }
}
