package io.socialearn.api.thread;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;
import java.time.Instant;
import java.util.List;

/**
 * One version of a thread's opening post or of an answer. Revision 1 is what was first posted.
 *
 * @param target the thread or post
 * @param number 1 for the original, then one more per edit
 * @param editor who wrote this version
 * @param at when
 * @param title the title in this version (threads only; empty for posts)
 * @param body the body in this version
 * @param tags the tags in this version (threads only; empty for posts)
 * @param reason the editor's note, possibly empty
 */
public record Revision(
    ContentRef target,
    int number,
    PersonId editor,
    Instant at,
    String title,
    String body,
    List<Tag> tags,
    String reason) {
  /** Checks and copies. */
  public Revision {
    Validate.required("target", target);
    Validate.range("number", number, 1, Integer.MAX_VALUE);
    Validate.required("editor", editor);
    Validate.required("at", at);
    Validate.required("title", title);
    Validate.required("body", body);
    tags = Validate.list("tags", tags);
    Validate.required("reason", reason);
  }
}
