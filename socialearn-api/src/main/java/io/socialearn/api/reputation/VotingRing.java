package io.socialearn.api.reputation;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;

/**
 * Two people who vote mostly for each other: each gave the other at least the policy's minimum of
 * standing up votes, making at least the policy's share of their up votes. For moderators to look
 * into; {@link io.socialearn.api.command.ReverseVotes} undoes such votes.
 *
 * @param first one of the pair (the lower id)
 * @param second the other
 * @param firstToSecond standing up votes from first on second's posts
 * @param secondToFirst standing up votes from second on first's posts
 */
public record VotingRing(
    PersonId first,
    PersonId second,
    int firstToSecond,
    int secondToFirst) {
  /** Checks that nothing required is missing, and copies collections. */
  public VotingRing {
    Validate.required("first", first);
    Validate.required("second", second);
  }
}
