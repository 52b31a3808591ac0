package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.PostId;

/**
 * Ends a question's open bounty that its offerer let lapse without awarding it, giving half the
 * amount (rounded down) to {@code answer}, as Stack Exchange does when the bounty period ends.
 * The caller picks the answer; Stack Exchange picks the highest-scored answer posted after the
 * bounty started, with a score of at least 2. Administrators and the system only; the offerer
 * still pays the whole amount.
 *
 * @param answer the answer that earns half the bounty
 */
public record ExpireBounty(
    PostId answer) implements Command<Done> {
  /** Checks that nothing required is missing. */
  public ExpireBounty {
    Validate.required("answer", answer);
  }
}
