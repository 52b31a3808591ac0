package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.PostId;

/**
 * Accepts an answer to a question; only the asker, a moderator or an administrator may. Accepting
 * another answer moves the accept.
 *
 * @param answer the answer to accept
 */
public record AcceptAnswer(
    PostId answer) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public AcceptAnswer {
    Validate.required("answer", answer);
  }
}
