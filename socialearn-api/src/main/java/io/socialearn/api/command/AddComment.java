package io.socialearn.api.command;

import io.socialearn.api.Validate;
import io.socialearn.api.thread.CommentId;
import io.socialearn.api.thread.ContentRef;

/**
 * Comments on a thread's opening post or on an answer.
 *
 * @param target the thread or the answer
 * @param body the comment
 */
public record AddComment(
    ContentRef target,
    String body) implements Command<CommentId> {
  /** Checks that nothing required is missing, and copies collections. */
  public AddComment {
    Validate.required("target", target);
    Validate.required("body", body);
  }
}
