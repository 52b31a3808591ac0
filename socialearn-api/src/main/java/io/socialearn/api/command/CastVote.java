package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.ContentRef;
import io.socialearn.api.thread.VoteDirection;

/**
 * Votes on a thread's opening post or an answer. Voting again the other way changes the vote;
 * voting again the same way is a conflict; nobody votes on their own content.
 *
 * @param target the thread or the answer
 * @param direction up or down
 */
public record CastVote(
    ContentRef target,
    VoteDirection direction) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public CastVote {
    Validate.required("target", target);
    Validate.required("direction", direction);
  }
}
