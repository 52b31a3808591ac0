package io.socialearn.api.event;

import io.socialearn.api.Validate;
import io.socialearn.api.people.PersonId;

/**
 * A run of votes from one person on another's posts was reversed; the {@link VoteRetracted}
 * events just before it in the same batch took the votes back.
 *
 * @param voter who voted
 * @param author whose posts were voted on
 * @param count how many votes were reversed
 * @param reason why (serial voting detected, or a moderator's note)
 * @param by the moderator, or the system for automatic detection
 */
public record VotesReversed(
    PersonId voter,
    PersonId author,
    int count,
    String reason,
    PersonId by) implements DomainEvent {
  /** Checks that nothing required is missing, and copies collections. */
  public VotesReversed {
    Validate.required("voter", voter);
    Validate.required("author", author);
    Validate.required("reason", reason);
    Validate.required("by", by);
  }
}
