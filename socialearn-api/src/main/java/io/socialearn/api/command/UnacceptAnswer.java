package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.ThreadId;

/**
 * Takes back a question's accept.
 *
 * @param thread the question
 */
public record UnacceptAnswer(
    ThreadId thread) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public UnacceptAnswer {
    Validate.required("thread", thread);
  }
}
