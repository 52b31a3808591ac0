package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.PostId;

/**
 * Awards a question's open bounty to an answer; only the person who offered it may, and not to
 * their own answer.
 *
 * @param answer the answer that earns the bounty
 */
public record AwardBounty(
    PostId answer) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public AwardBounty {
    Validate.required("answer", answer);
  }
}
