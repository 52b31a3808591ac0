package io.socialearn.api.command;

import io.socialearn.api.Done;
import io.socialearn.api.Validate;
import io.socialearn.api.thread.ThreadId;

/**
 * Offers a bounty on an open question: the offerer pays {@code amount} reputation now, and the
 * answer they award it to earns it. One open bounty per question; the offerer needs the
 * reputation.
 *
 * @param question the question
 * @param amount 50 to 500 points
 */
public record OfferBounty(
    ThreadId question,
    int amount) implements Command<Done> {
  /** Checks that nothing required is missing, and copies collections. */
  public OfferBounty {
    Validate.required("question", question);
  }
}
