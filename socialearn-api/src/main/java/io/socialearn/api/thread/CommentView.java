package io.socialearn.api.thread;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import java.time.Instant;

/**
 * A comment as a viewer sees it.
 *
 * @param id the comment
 * @param target the thread or post it is on
 * @param author who wrote it
 * @param body its text
 * @param createdAt when
 */
public record CommentView(
    CommentId id, ContentRef target, PersonId author, String body, Instant createdAt) {
  /** Checks that nothing is missing. */
  public CommentView {
    Validate.required("id", id);
    Validate.required("target", target);
    Validate.required("author", author);
    Validate.required("body", body);
    Validate.required("createdAt", createdAt);
  }
}
