package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.Tag;
import io.socialearn.api.thread.ThreadId;
import java.util.List;

/**
 * Replaces a thread's title, body and tags, keeping the old version as a revision. The author, a
 * moderator of the space or an administrator may edit.
 *
 * @param thread the thread
 * @param title the new title
 * @param body the new body
 * @param tags the new tags
 * @param reason the editor's note; may be empty
 */
public record EditThread(
    ThreadId thread,
    String title,
    String body,
    List<Tag> tags,
    String reason) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public EditThread {
    Validate.required("thread", thread);
    Validate.required("title", title);
    Validate.required("body", body);
    tags = Validate.list("tags", tags);
    Validate.required("reason", reason);
  }
}
