package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;

/**
 * An answer's body was replaced; the previous version is a revision.
 *
 * @param post the post
 * @param thread its thread
 * @param body the new body
 * @param editor who edited
 * @param reason the editor's note
 */
public record PostEdited(
    PostId post,
    ThreadId thread,
    String body,
    PersonId editor,
    String reason) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public PostEdited {
    Validate.required("post", post);
    Validate.required("thread", thread);
    Validate.required("body", body);
    Validate.required("editor", editor);
    Validate.required("reason", reason);
  }
}
