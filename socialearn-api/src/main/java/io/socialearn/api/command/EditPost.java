package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.PostId;

/**
 * Replaces an answer's body, keeping the old version as a revision.
 *
 * @param post the answer
 * @param body the new body
 * @param reason the editor's note; may be empty
 */
public record EditPost(
    PostId post,
    String body,
    String reason) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public EditPost {
    Validate.required("post", post);
    Validate.required("body", body);
    Validate.required("reason", reason);
  }
}
