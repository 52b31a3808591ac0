package io.socialearn.api.command;

import io.socialearn.api.Validate;
import io.socialearn.api.thread.PostId;
import io.socialearn.api.thread.ThreadId;

/**
 * Answers a question, or replies in a discussion or under an article. Closed threads take none.
 *
 * @param thread the thread
 * @param body the answer (Markdown)
 */
public record PostAnswer(
    ThreadId thread,
    String body) implements Command<PostId> {
  /** Checks that nothing required is missing, and copies collections. */
  public PostAnswer {
    Validate.required("thread", thread);
    Validate.required("body", body);
  }
}
