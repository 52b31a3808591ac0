package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.ContentRef;

/**
 * Takes back the actor's vote.
 *
 * @param target the thread or the answer
 */
public record RetractVote(
    ContentRef target) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public RetractVote {
    Validate.required("target", target);
  }
}
