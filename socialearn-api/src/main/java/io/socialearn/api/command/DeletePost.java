package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.PostId;

/**
 * Deletes an answer; an accepted answer loses its accept. Its author, a moderator or an
 * administrator may.
 *
 * @param post the answer
 * @param reason why; may be empty
 */
public record DeletePost(
    PostId post,
    String reason) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public DeletePost {
    Validate.required("post", post);
    Validate.required("reason", reason);
  }
}
