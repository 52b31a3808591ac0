package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import java.util.List;

/**
 * A thread's title, body and tags were replaced; the previous version is a revision.
 *
 * @param thread the thread
 * @param title the new title
 * @param body the new body
 * @param tags the new tags
 * @param editor who edited
 * @param reason the editor's note
 */
public record ThreadEdited(
    ThreadId thread,
    String title,
    String body,
    List<Tag> tags,
    PersonId editor,
    String reason) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public ThreadEdited {
    Validate.required("thread", thread);
    Validate.required("title", title);
    Validate.required("body", body);
    tags = Validate.list("tags", tags);
    Validate.required("editor", editor);
    Validate.required("reason", reason);
  }
}
